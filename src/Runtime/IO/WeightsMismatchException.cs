using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.IO;

/// <summary>
/// The tensors in a weights file do not fit a network; nothing was loaded. The message names
/// every difference, e.g. <c>Weights in 'm.dat' do not fit CancerNet: missing Output.bias;
/// unexpected Out.bias; Hidden1.weight is [12, 30] in the file but [12, 8] in the model.</c>
/// </summary>
/// <remarks>
/// Element types fit when they are the same, when both are real floating-point types (float16,
/// bfloat16, float32, float64: values are rounded to the network's type, as PyTorch's
/// <c>load_state_dict</c> does), or when an integer type widens without loss (int32 into int64).
/// A bool or integer tensor for a floating-point parameter, a floating-point tensor for an integer
/// buffer, or a narrowing integer conversion is a <see cref="MismatchedTypes"/> entry.
/// </remarks>
public sealed class WeightsMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">The weights file.</param>
    /// <param name="network">The network's name.</param>
    /// <param name="missingKeys">Tensors the network has and the file lacks.</param>
    /// <param name="unexpectedKeys">Tensors the file has and the network lacks.</param>
    /// <param name="mismatchedShapes">Tensors in both, with different shapes.</param>
    public WeightsMismatchException(
        string path,
        string network,
        IReadOnlyList<string> missingKeys,
        IReadOnlyList<string> unexpectedKeys,
        IReadOnlyList<ShapeMismatch> mismatchedShapes)
        : this(path, network, missingKeys, unexpectedKeys, mismatchedShapes, Array.Empty<TypeMismatch>())
    {
    }

    /// <summary>Creates the exception, with element types that differ too.</summary>
    /// <param name="path">The weights file.</param>
    /// <param name="network">The network's name.</param>
    /// <param name="missingKeys">Tensors the network has and the file lacks.</param>
    /// <param name="unexpectedKeys">Tensors the file has and the network lacks.</param>
    /// <param name="mismatchedShapes">Tensors in both, with different shapes.</param>
    /// <param name="mismatchedTypes">Tensors in both, whose type in the file cannot be loaded into the network's.</param>
    public WeightsMismatchException(
        string path,
        string network,
        IReadOnlyList<string> missingKeys,
        IReadOnlyList<string> unexpectedKeys,
        IReadOnlyList<ShapeMismatch> mismatchedShapes,
        IReadOnlyList<TypeMismatch> mismatchedTypes)
        : base(Describe(path, network, missingKeys, unexpectedKeys, mismatchedShapes, mismatchedTypes))
    {
        Path = path;
        Network = network;
        MissingKeys = missingKeys;
        UnexpectedKeys = unexpectedKeys;
        MismatchedShapes = mismatchedShapes;
        MismatchedTypes = mismatchedTypes;
    }

    /// <summary>The weights file.</summary>
    public string Path { get; }

    /// <summary>The network's name.</summary>
    public string Network { get; }

    /// <summary>Tensors the network has and the file lacks, in the network's order.</summary>
    public IReadOnlyList<string> MissingKeys { get; }

    /// <summary>Tensors the file has and the network lacks, in the file's order.</summary>
    public IReadOnlyList<string> UnexpectedKeys { get; }

    /// <summary>Tensors in both with different shapes, in the network's order.</summary>
    public IReadOnlyList<ShapeMismatch> MismatchedShapes { get; }

    /// <summary>Tensors in both whose element type in the file cannot be loaded into the network's, in the network's order.</summary>
    public IReadOnlyList<TypeMismatch> MismatchedTypes { get; }

    private static string Describe(
        string path,
        string network,
        IReadOnlyList<string> missing,
        IReadOnlyList<string> unexpected,
        IReadOnlyList<ShapeMismatch> shapes,
        IReadOnlyList<TypeMismatch> types)
    {
        ArgumentNullException.ThrowIfNull(missing);
        ArgumentNullException.ThrowIfNull(unexpected);
        ArgumentNullException.ThrowIfNull(shapes);
        ArgumentNullException.ThrowIfNull(types);
        var parts = new List<string>();
        if (missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", missing));
        }

        if (unexpected.Count > 0)
        {
            parts.Add("unexpected " + string.Join(", ", unexpected));
        }

        parts.AddRange(shapes.Select(static s => s.ToString()));
        parts.AddRange(types.Select(static t => t.ToString()));
        return $"Weights in '{System.IO.Path.GetFileName(path)}' do not fit {network}: {string.Join("; ", parts)}.";
    }
}
