namespace NetGen.Data.Images;

/// <summary>What an image folder does with a file that cannot be read or decoded.</summary>
public enum UnreadableImagePolicy
{
    /// <summary>Throw an <see cref="UnreadableImageException"/> naming the file and the problem.</summary>
    Throw,

    /// <summary>Leave the file out, write a warning and count it in <see cref="ImageFolder.SkippedFiles"/>.</summary>
    Skip,
}
