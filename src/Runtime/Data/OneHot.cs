using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>One-hot encoding of integer class labels.</summary>
public static class OneHot
{
    /// <summary>
    /// [samples] (or [samples, 1]) class ids to a float32 [samples, classes] matrix. Without
    /// <paramref name="classCount"/> the number of classes is the largest id plus one.
    /// </summary>
    public static Tensor Encode(Tensor labels, int? classCount = null)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var values = labels.reshape(-1).cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        if (values.Length == 0)
        {
            throw new ArgumentException("There are no labels to encode.", nameof(labels));
        }

        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] != Math.Floor(values[i]) || values[i] < 0)
            {
                throw new ArgumentException($"Label {i} is {values[i]}; one-hot encoding needs class ids 0, 1, 2, ...", nameof(labels));
            }
        }

        var classes = classCount ?? (int)values.Max() + 1;
        var outOfRange = Array.FindIndex(values, v => v >= classes);
        if (outOfRange >= 0)
        {
            throw new ArgumentException($"Label {outOfRange} is {values[outOfRange]}, outside the {classes} classes.", nameof(labels));
        }

        var encoded = new float[values.Length * classes];
        for (var i = 0; i < values.Length; i++)
        {
            encoded[(i * classes) + (int)values[i]] = 1;
        }

        return tensor(encoded, new long[] { values.Length, classes });
    }

    /// <summary>The class id (argmax) of each row of a one-hot or probability matrix.</summary>
    public static Tensor Decode(Tensor encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.dim() != 2)
        {
            throw new ArgumentException($"Decoding needs a [samples, classes] matrix; got [{string.Join(", ", encoded.shape)}].", nameof(encoded));
        }

        return encoded.argmax(1);
    }
}
