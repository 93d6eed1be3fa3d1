namespace NetGen.Data.Images;

/// <summary>One file of an image folder and the index of its class in <see cref="ImageFolder.ClassNames"/>.</summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Label">Its class index.</param>
public sealed record LabeledImage(string Path, int Label);
