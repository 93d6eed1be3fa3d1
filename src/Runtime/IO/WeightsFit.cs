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
        var entries = new Dictionary<string, TensorEntry>(StringComparer.Ordinal);
        foreach (var (name, entry) in file)
        {
            entries[name] = entry;
        }

        var missing = state.Keys.Where(key => !entries.ContainsKey(key)).ToList();
        var unexpected = file.Select(static e => e.Key).Where(key => !state.ContainsKey(key)).ToList();
        var shapes = new List<ShapeMismatch>();
        var types = new List<TypeMismatch>();
        foreach (var (name, target) in state)
        {
            if (!entries.TryGetValue(name, out var entry))
            {
                continue;
            }

            if (!entry.Shape.AsSpan().SequenceEqual(target.shape))
            {
                shapes.Add(new ShapeMismatch(name, entry.Shape, target.shape));
            }

            if (!CanLoad(entry.DType, target.dtype))
            {
                types.Add(new TypeMismatch(name, entry.DType, target.dtype));
            }
        }

        if (missing.Count > 0 || unexpected.Count > 0 || shapes.Count > 0 || types.Count > 0)
        {
            throw new WeightsMismatchException(path, network, missing, unexpected, shapes, types);
        }
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
