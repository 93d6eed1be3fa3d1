using System;
using System.IO;

namespace NetGen.Data.Images;

/// <summary>An image file that cannot be read or decoded: missing, unreadable, not an image, truncated or corrupt.</summary>
public sealed class UnreadableImageException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public UnreadableImageException(string path, string problem, Exception? innerException = null)
        : base($"Cannot load image '{path}': {problem}.", innerException)
    {
        FilePath = path;
        Problem = problem;
    }

    /// <summary>The file's path.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong with it, e.g. "the data is truncated".</summary>
    public string Problem { get; }
}
