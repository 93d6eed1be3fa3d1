using System;
using System.IO;

namespace NetGen.Data;

/// <summary>Opening binary data files with errors that name the file, gzipped or not.</summary>
internal static class DataFiles
{
    /// <summary>Opens <paramref name="path"/>, decompressing it (and checking its gzip trailer) when its content is gzip, whatever its name.</summary>
    /// <param name="path">The file.</param>
    /// <param name="what">What the file should hold, for the not-found message ("IDX file", "CIFAR-10 batch").</param>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/> (nothing, or a directory).</exception>
    /// <exception cref="DataFormatException">The file is gzip but too short to be complete.</exception>
    public static Stream Open(string path, string what)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            throw new FileNotFoundException($"{what} path '{path}' is a directory, not a file.", path);
        }

        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{what} '{path}' does not exist.", path);
        }

        return VerifiedGzipStream.OpenMaybeGzipped(path, static (file, problem, inner) => new DataFormatException(file, problem, inner));
    }

    /// <summary>Reads the rest of <paramref name="stream"/> and returns how many bytes it held (a gzip stream is verified on the way).</summary>
    public static long CountRemaining(Stream stream)
    {
        var scratch = new byte[81920];
        long count = 0;
        int read;
        while ((read = stream.Read(scratch)) > 0)
        {
            count += read;
        }

        return count;
    }
}
