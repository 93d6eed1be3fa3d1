using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Metrics;

/// <summary>
/// Fraction of correct predictions. One output column: the prediction is 1 above the
/// threshold, compared with 0/1 labels. Several columns: the argmax, compared with the argmax of
/// one-hot labels or with integer class labels, one per sample or, for a sequence of distributions
/// (batch, steps, classes), one per step. A (batch, channels, height, width) map of several
/// channels: the same per pixel, the channels being the classes.
/// </summary>
public sealed class Accuracy : MetricAccumulator
{
    private Tensor? _correct;
    private long _count;

    /// <summary>Creates the metric.</summary>
    /// <param name="threshold">Decision threshold of a single output column (Keras's 0.5).</param>
    public Accuracy(double threshold = 0.5) => Threshold = threshold;

    /// <summary>Decision threshold of a single output column.</summary>
    public double Threshold { get; }

    /// <inheritdoc />
    public override string Name => "accuracy";

    /// <inheritdoc />
    public override void Reset()
    {
        Clear(ref _correct);
        _count = 0;
    }

    /// <inheritdoc />
    public override void Update(Tensor predictions, Tensor targets)
    {
        if (predictions.dim() >= 4 && predictions.shape[1] > 1)
        {
            UpdatePixels(predictions, targets);
            return;
        }

        var rows = predictions.shape[0];
        var columns = predictions.dim() == 1 ? 1 : predictions.shape[^1];
        Tensor correct;
        if (columns == 1)
        {
            var labels = AlignTargets(predictions, targets);
            using var threshold = Threshold.ToScalar();
            correct = predictions.gt(threshold).eq(labels.gt(threshold)).sum();
            _count += predictions.numel();
        }
        else
        {
            var predicted = predictions.argmax(-1);
            Tensor expected;
            if (targets.shape.AsSpan().SequenceEqual(predictions.shape))
            {
                expected = targets.argmax(-1);
            }
            else if ((targets.dim() == 1 && targets.shape[0] == rows) || (targets.dim() == 2 && targets.shape[0] == rows && targets.shape[1] == 1))
            {
                expected = targets.reshape(-1).to_type(ScalarType.Int64);
            }
            else if (targets.shape.AsSpan().SequenceEqual(predicted.shape))
            {
                // One class id per step of a sequence (batch, steps, classes).
                expected = targets.to_type(ScalarType.Int64);
            }
            else
            {
                throw new ArgumentException($"Accuracy cannot compare predictions {Shape.Format(predictions.shape)} with targets {Shape.Format(targets.shape)}: give one-hot rows, one class id per sample or one per step of a sequence.", nameof(targets));
            }

            correct = predicted.eq(expected.reshape(predicted.shape)).sum();
            _count += predicted.numel();
        }

        Accumulate(ref _correct, correct);
    }

    /// <summary>
    /// A (batch, classes, height, width) map: each pixel's argmax over the channels (the class axis),
    /// compared with one-hot maps or with one class id per pixel, (batch, height, width) or (batch, 1, height, width).
    /// </summary>
    private void UpdatePixels(Tensor predictions, Tensor targets)
    {
        var predicted = predictions.argmax(1);
        var ids = targets.dim() == predictions.dim() && targets.shape[1] == 1 ? targets.squeeze(1) : targets;
        Tensor expected;
        if (targets.shape.AsSpan().SequenceEqual(predictions.shape))
        {
            expected = targets.argmax(1);
        }
        else if (ids.shape.AsSpan().SequenceEqual(predicted.shape))
        {
            expected = ids.to_type(ScalarType.Int64);
        }
        else
        {
            throw new ArgumentException($"Accuracy cannot compare predictions {Shape.Format(predictions.shape)} with targets {Shape.Format(targets.shape)}: give one-hot maps or one class id per pixel.", nameof(targets));
        }

        Accumulate(ref _correct, predicted.eq(expected).sum());
        _count += predicted.numel();
    }

    /// <inheritdoc />
    public override double Result() => _count == 0 || _correct is null ? double.NaN : (double)_correct.item<long>() / _count;

    /// <inheritdoc />
    public override MetricAccumulator NewInstance() => new Accuracy(Threshold);
}
