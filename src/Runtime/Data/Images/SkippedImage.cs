namespace NetGen.Data.Images;

/// <summary>A file an image folder left out under <see cref="UnreadableImagePolicy.Skip"/>, and why.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Problem">What was wrong with it.</param>
public sealed record SkippedImage(string Path, string Problem);
