using System;
using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Cross-entropy of softmax probabilities against integer class labels.</summary>
public sealed class SparseCategoricalCrossentropyLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "SparseCategoricalCrossentropy";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets)
    {
        var classes = targets.dim() == 2 && targets.shape[1] == 1 ? targets.reshape(-1) : targets;
        if (predictions.dim() != 2 || classes.dim() != 1 || classes.shape[0] != predictions.shape[0])
        {
            throw new ArgumentException($"{Name} needs predictions [batch, classes] and one class id per sample; got {Shapes.Format(predictions)} and {Shapes.Format(targets)}.", nameof(targets));
        }

        // gather() fails natively on an id out of range with an opaque message; say which ids are wrong.
        var ids = classes.to_type(ScalarType.Int64);
        var (lowest, highest) = (ids.min().item<long>(), ids.max().item<long>());
        if (lowest < 0 || highest >= predictions.shape[1])
        {
            throw new ArgumentException(
                FormattableString.Invariant($"{Name} needs class ids in [0, {predictions.shape[1] - 1}] for {predictions.shape[1]} output columns; the targets hold ids from {lowest} to {highest}."),
                nameof(targets));
        }

        var p = predictions.clamp(Epsilon, 1 - Epsilon);
        return -p.log().gather(1, ids.reshape(-1, 1)).mean();
    }
}
