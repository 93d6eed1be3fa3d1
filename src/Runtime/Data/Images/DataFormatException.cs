using System;

namespace NetGen.Data;

/// <summary>
/// A binary data file (IDX, a CIFAR-10 batch) that cannot be read: a wrong magic number, an
/// unsupported element type, a size that disagrees with the header, a broken gzip stream... The
/// message names the file and the problem, with the expected and actual sizes where they differ,
/// e.g. <c>train-images-idx3-ubyte.gz is truncated: its header declares 60,000 × 28 × 28 = ...</c>.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="path"/>; the message is the file's name followed by <paramref name="problem"/>.</summary>
    public DataFormatException(string path, string problem)
        : this(path, problem, inner: null)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/>, caused by <paramref name="inner"/> (e.g. a gzip decoding error).</summary>
    public DataFormatException(string path, string problem, Exception? inner)
        : base(System.IO.Path.GetFileName(path) + " " + problem, inner)
    {
        Path = path;
    }

    /// <summary>The file.</summary>
    public string Path { get; }
}
