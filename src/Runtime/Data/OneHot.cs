using System;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>One-hot encoding of integer class labels, and back (Keras's <c>to_categorical</c> and <c>argmax</c>).</summary>
public static class OneHot
{
    /// <summary>
    /// Turns class ids, [samples] or [samples, 1] of any numeric type, into a float32
    /// [samples, classes] matrix with a single 1 per row.
    /// </summary>
    /// <param name="labels">Class ids 0, 1, 2...; float tensors are accepted when every value is whole.</param>
    /// <param name="classCount">The number of classes; without it, the largest id plus one
    /// (pass it when a split may lack the last class).</param>
    /// <returns>The encoded labels, with the <see cref="DataRole"/> of <paramref name="labels"/>.</returns>
    /// <exception cref="ArgumentException">A label is negative, not whole, or not below <paramref name="classCount"/>.</exception>
    public static Tensor Encode(Tensor labels, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(classCount), classCount, "The number of classes must be positive.");
        }

        if (labels.dim() > 2 || (labels.dim() == 2 && labels.shape[1] != 1))
        {
            throw new ArgumentException($"One-hot encoding needs [samples] or [samples, 1] class ids; got [{string.Join(", ", labels.shape)}].", nameof(labels));
        }

        using var flat = labels.detach().reshape(-1).cpu().to_type(ScalarType.Float64);
        var values = flat.data<double>().ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentException("There are no labels to encode.", nameof(labels));
        }

        var bad = Array.FindIndex(values, static v => v != Math.Floor(v) || v < 0 || v > int.MaxValue);
        if (bad >= 0)
        {
            throw new ArgumentException($"Label {bad} is {Text(values[bad])}; one-hot encoding needs whole class ids 0, 1, 2...", nameof(labels));
        }

        var classes = classCount ?? (int)values.Max() + 1;
        var outOfRange = Array.FindIndex(values, v => v >= classes);
        if (outOfRange >= 0)
        {
            throw new ArgumentException($"Label {outOfRange} is {Text(values[outOfRange])}, outside the {classes} classes (0 to {classes - 1}).", nameof(labels));
        }

        var encoded = new float[checked(values.Length * classes)];
        for (var i = 0; i < values.Length; i++)
        {
            encoded[(i * classes) + (int)values[i]] = 1;
        }

        return DataRoles.Keep(tensor(encoded, new long[] { values.Length, classes }, device: labels.device), labels);
    }

    /// <summary>The class id (int64, [samples]) of each row of a one-hot or probability matrix: the index of its largest value.</summary>
    /// <exception cref="ArgumentException"><paramref name="encoded"/> is not a [samples, classes] matrix.</exception>
    public static Tensor Decode(Tensor encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.dim() != 2 || encoded.shape[1] == 0)
        {
            throw new ArgumentException($"Decoding needs a [samples, classes] matrix; got [{string.Join(", ", encoded.shape)}].", nameof(encoded));
        }

        return encoded.argmax(1);
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);
}
