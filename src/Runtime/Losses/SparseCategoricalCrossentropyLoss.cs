using System;
using System.Linq;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>
/// Cross-entropy of softmax probabilities against integer class labels: one id per sample for
/// (batch, classes), one per step for a sequence of distributions (batch, steps, classes), as
/// Keras averages it over every step, and one per pixel for a map (batch, classes, height, width).
/// </summary>
public sealed class SparseCategoricalCrossentropyLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "SparseCategoricalCrossentropy";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets)
    {
        var (rows, ids) = ClassIds(predictions, targets);
        return Checked(rows, ids, () => nn.functional.nll_loss(Clipped(rows).log(), ids));
    }

    /// <inheritdoc />
    public override bool HasLogitsForm(Activation activation) => activation == Activation.Softmax;

    /// <summary>From the output before its softmax: one fused <c>cross_entropy</c> call.</summary>
    public override Tensor ComputeFromLogits(Tensor logits, Activation activation, Tensor targets)
    {
        var (rows, ids) = ClassIds(logits, targets);
        return Checked(rows, ids, () => nn.functional.cross_entropy(rows, ids));
    }

    /// <inheritdoc />
    /// <remarks>One loss per sample, per step of a sequence (batch, steps) or per pixel of a map (batch, height, width).</remarks>
    public override Tensor ComputeUnreduced(Tensor predictions, Tensor targets)
    {
        var (rows, ids) = ClassIds(predictions, targets);
        return Checked(rows, ids, () => nn.functional.nll_loss(Clipped(rows).log(), ids, reduction: nn.Reduction.None)).reshape(Batched(predictions));
    }

    /// <inheritdoc />
    public override Tensor ComputeUnreducedFromLogits(Tensor logits, Activation activation, Tensor targets)
    {
        var (rows, ids) = ClassIds(logits, targets);
        return Checked(rows, ids, () => nn.functional.cross_entropy(rows, ids, reduction: nn.Reduction.None)).reshape(Batched(logits));
    }

    // A sequence's rows were flattened to (batch * steps); the unreduced loss keeps the samples on axis 0.
    private static long[] Batched(Tensor predictions) => [predictions.size(0), -1];

    /// <summary>The predictions with the classes on axis 1, and the class ids they are compared with.</summary>
    private (Tensor Predictions, Tensor Ids) ClassIds(Tensor predictions, Tensor targets)
    {
        if (predictions.dim() >= 4)
        {
            // A map: one class id per pixel, (batch, height, width) or (batch, 1, height, width).
            var pixels = targets.dim() == predictions.dim() && targets.shape[1] == 1 ? targets.squeeze(1) : targets;
            if (!pixels.shape.AsSpan().SequenceEqual(predictions.shape.Where(static (_, axis) => axis != 1).ToArray()))
            {
                throw new ArgumentException($"{Name} needs one class id per pixel of predictions {Shape.Format(predictions.shape)} (classes on axis 1); got {Shape.Format(targets.shape)}.", nameof(targets));
            }

            return (predictions, AsInt64(pixels));
        }

        if (predictions.dim() == 3)
        {
            // A sequence: one class id per step, (batch, steps) or (batch, steps, 1); the classes are the last axis.
            var steps = targets.dim() == 3 && targets.shape[2] == 1 ? targets.squeeze(2) : targets;
            if (steps.dim() != 2 || steps.shape[0] != predictions.shape[0] || steps.shape[1] != predictions.shape[1])
            {
                throw new ArgumentException($"{Name} needs one class id per step of predictions {Shape.Format(predictions.shape)} (batch, steps, classes); got {Shape.Format(targets.shape)}.", nameof(targets));
            }

            return (predictions.reshape(-1, predictions.shape[2]), AsInt64(steps.reshape(-1)));
        }

        var classes = targets.dim() == 2 && targets.shape[1] == 1 ? targets.reshape(-1) : targets;
        if (predictions.dim() != 2 || classes.dim() != 1 || classes.shape[0] != predictions.shape[0])
        {
            throw new ArgumentException($"{Name} needs predictions [batch, classes] and one class id per sample; got {Shape.Format(predictions.shape)} and {Shape.Format(targets.shape)}.", nameof(targets));
        }

        return (predictions, AsInt64(classes));
    }

    private static Tensor AsInt64(Tensor ids) => ids.dtype == ScalarType.Int64 ? ids : ids.to_type(ScalarType.Int64);

    // The range is checked only when libtorch rejects an id: checking every batch up front would
    // copy the ids to the host on each step.
    private Tensor Checked(Tensor predictions, Tensor ids, Func<Tensor> loss)
    {
        try
        {
            return loss();
        }
        catch (ExternalException)
        {
            var (lowest, highest) = (ids.min().item<long>(), ids.max().item<long>());
            if (lowest < 0 || highest >= predictions.shape[1])
            {
                throw new ArgumentException(
                    FormattableString.Invariant($"{Name} needs class ids in [0, {predictions.shape[1] - 1}] for {predictions.shape[1]} output columns; the targets hold ids from {lowest} to {highest}."),
                    "targets");
            }

            throw;
        }
    }
}
