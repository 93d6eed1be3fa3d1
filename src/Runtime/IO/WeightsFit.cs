using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.IO;

/// <summary>Decides whether the tensors listed in a weights file can be loaded into a network's <c>state_dict</c>.</summary>
internal static class WeightsFit
{
    /// <summary>Compares names, shapes and element types, and reports every difference at once.</summary>
    /// <param name="path">The weights file, for the message.</param>
    /// <param name="network">The network's name, for the message.</param>
    /// <param name="file">The file's tensors (from its index, or from the tensors read).</param>
    /// <param name="state">The network's <c>state_dict</c>.</param>
    /// <exception cref="WeightsMismatchException">A name, shape or type differs.</exception>
    public static void Check(string path, string network, IReadOnlyList<KeyValuePair<string, TensorEntry>> file, IReadOnlyDictionary<string, Tensor> state)
    {
        var comparison = Compare(file, state);
        if (!comparison.IsExact)
        {
            throw new WeightsMismatchException(path, network, comparison.Missing, comparison.Unexpected, comparison.Shapes, comparison.Types);
        }
    }

    /// <summary>
    /// How the source tensors (a file's, or another network's) line up with a <c>state_dict</c>:
    /// which entries they can fill, which are missing on either side, which differ in shape or type.
    /// The one comparison behind strict loads, non-strict loads and transfers between networks.
    /// </summary>
    /// <param name="source">The source's names, shapes and types, in its order.</param>
    /// <param name="state">The receiving <c>state_dict</c>.</param>
    /// <param name="skippedPrefix">Source names to leave out without counting them as unexpected (a dropped head's <c>fc.</c>).</param>
    public static WeightsComparison Compare(IReadOnlyList<KeyValuePair<string, TensorEntry>> source, IReadOnlyDictionary<string, Tensor> state, string? skippedPrefix = null)
    {
        var entries = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
        var comparison = new WeightsComparison();
        foreach (var (name, entry) in source)
        {
            entries[name] = entry;
            if (skippedPrefix is not null && name.StartsWith(skippedPrefix, StringComparison.Ordinal))
            {
                comparison.Skipped.Add(name);
            }
            else if (!state.ContainsKey(name))
            {
                comparison.Unexpected.Add(name);
            }
        }

        foreach (var (name, target) in state)
        {
            if (!entries.TryGetValue(name, out var entry))
            {
                comparison.Missing.Add(name);
                continue;
            }

            var fits = true;
            if (!entry.Shape.AsSpan().SequenceEqual(target.shape))
            {
                comparison.Shapes.Add(new ShapeMismatch(name, entry.Shape, target.shape));
                fits = false;
            }

            if (!CanLoad(entry.DType, target.dtype))
            {
                comparison.Types.Add(new TypeMismatch(name, entry.DType, target.dtype));
                fits = false;
            }

            if (fits)
            {
                comparison.Fitting.Add(name);
            }
        }

        return comparison;
    }

    /// <summary>
    /// Whether values of type <paramref name="file"/> may be copied into a tensor of type
    /// <paramref name="model"/>: the same type; one real floating-point type into another (what
    /// PyTorch's <c>load_state_dict</c> does with <c>copy_</c>, so float64 files from numpy and
    /// float16/bfloat16 checkpoints load into float32 models); or a lossless integer widening
    /// (an int32 step counter into int64). Never bool or integers into floating point, floating
    /// point into integers, or a narrowing integer conversion, which would change values silently.
    /// </summary>
    public static bool CanLoad(ScalarType file, ScalarType model)
    {
        if (file == model || (IsRealFloatingPoint(file) && IsRealFloatingPoint(model)))
        {
            return true;
        }

        return Integer(file) is { } from && Integer(model) is { } to
            && (from.Signed == to.Signed ? to.Bits >= from.Bits : to.Signed && to.Bits > from.Bits);
    }

    private static bool IsRealFloatingPoint(ScalarType type) =>
        type is ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float32 or ScalarType.Float64;

    private static (int Bits, bool Signed)? Integer(ScalarType type) => type switch
    {
        ScalarType.Byte => (8, false),
        ScalarType.Int8 => (8, true),
        ScalarType.Int16 => (16, true),
        ScalarType.Int32 => (32, true),
        ScalarType.Int64 => (64, true),
        _ => null,
    };
}

/// <summary>The outcome of <see cref="WeightsFit.Compare"/>, each list in the order its names were met.</summary>
internal sealed class WeightsComparison
{
    /// <summary>State entries the source can fill: same name, same shape, a type <see cref="WeightsFit.CanLoad"/> accepts.</summary>
    public List<string> Fitting { get; } = new();

    /// <summary>State entries the source does not have.</summary>
    public List<string> Missing { get; } = new();

    /// <summary>Source entries the state does not have.</summary>
    public List<string> Unexpected { get; } = new();

    /// <summary>Source entries left out on purpose.</summary>
    public List<string> Skipped { get; } = new();

    public List<ShapeMismatch> Shapes { get; } = new();

    public List<TypeMismatch> Types { get; } = new();

    /// <summary>Whether every entry fits on both sides (skipped ones aside).</summary>
    public bool IsExact => Missing.Count == 0 && Unexpected.Count == 0 && Shapes.Count == 0 && Types.Count == 0;
}
