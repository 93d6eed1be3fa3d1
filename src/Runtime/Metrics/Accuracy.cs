using System;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// Fraction of correct predictions. One output column: the prediction is 1 above 0.5, compared
/// with 0/1 labels. Several columns: the argmax, compared with the argmax of one-hot labels or
/// with integer class labels.
/// </summary>
public sealed class Accuracy : MetricAccumulator
{
    private long _correct;
    private long _count;

    /// <inheritdoc />
    public override string Name => "accuracy";

    /// <inheritdoc />
    public override void Reset() => (_correct, _count) = (0, 0);

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        var rows = predictions.shape[0];
        var columns = predictions.dim() == 1 ? 1 : predictions.shape[^1];
        var scores = Values(predictions);
        var labels = Values(targets);
        if (columns == 1)
        {
            Require(labels.Length == scores.Length, predictions, targets);
            for (var i = 0; i < scores.Length; i++)
            {
                _correct += (scores[i] > 0.5) == (labels[i] > 0.5) ? 1 : 0;
            }

            _count += scores.Length;
            return;
        }

        var oneHot = labels.Length == scores.Length;
        Require(oneHot || labels.Length == rows, predictions, targets);
        for (var row = 0; row < rows; row++)
        {
            var predicted = ArgMax(scores, row * columns, columns);
            var expected = oneHot ? ArgMax(labels, row * columns, columns) : (long)Math.Round(labels[row]);
            _correct += predicted == expected ? 1 : 0;
        }

        _count += rows;
    }

    /// <inheritdoc />
    public override double Result() => _count == 0 ? double.NaN : (double)_correct / _count;

    private static long ArgMax(double[] values, long offset, long count)
    {
        var best = 0L;
        for (var i = 1L; i < count; i++)
        {
            if (values[offset + i] > values[offset + best])
            {
                best = i;
            }
        }

        return best;
    }

    private static void Require(bool condition, Tensor predictions, Tensor targets)
    {
        if (!condition)
        {
            throw new ArgumentException($"Accuracy cannot compare predictions [{string.Join(", ", predictions.shape)}] with targets [{string.Join(", ", targets.shape)}].");
        }
    }
}
