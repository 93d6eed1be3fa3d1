using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.IO;

/// <summary>
/// Weights in a file do not fit a network. The message names every missing, unexpected and
/// mis-shaped tensor; nothing was loaded.
/// </summary>
public sealed class WeightsMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WeightsMismatchException(
        string path,
        string network,
        IReadOnlyList<string> missingKeys,
        IReadOnlyList<string> unexpectedKeys,
        IReadOnlyList<string> mismatchedShapes)
        : base(Describe(path, network, missingKeys, unexpectedKeys, mismatchedShapes))
    {
        Path = path;
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        MismatchedShapes = mismatchedShapes;
    }

    /// <summary>The weights file.</summary>
    public string Path { get; }

    /// <summary>Tensors the network has and the file lacks.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Tensors the file has and the network lacks.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>Tensors in both with different shapes, described with both shapes.</summary>
    public IReadOnlyList<string> MismatchedShapes { get; }

    private static string Describe(string path, string network, IReadOnlyList<string> missing, IReadOnlyList<string> unexpected, IReadOnlyList<string> shapes)
    {
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", missing));
        }

        if (unexpected.Count > 0)
        {
            parts.Add("unexpected " + string.Join(", ", unexpected));
        }

        parts.AddRange(shapes);
        return $"Weights in '{System.IO.Path.GetFileName(path)}' do not fit {network}: {string.Join("; ", parts)}.";
    }
}
