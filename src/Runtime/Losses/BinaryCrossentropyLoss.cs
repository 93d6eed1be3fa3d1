using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Binary cross-entropy of probabilities against 0/1 labels, averaged over every output.</summary>
public sealed class BinaryCrossentropyLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "BinaryCrossentropy";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets) => ComputeUnreduced(predictions, targets).mean();

    /// <inheritdoc />
    public override Tensor ComputeUnreduced(Tensor predictions, Tensor targets)
    {
        var y = Align(predictions, targets);
        var p = Clipped(predictions);
        // 1 - y as -y + 1·1: TorchSharp's 1 - y and y + z make Scalars nothing holds (see Scalars).
        var notY = y.neg().add(Scalars.One, Scalars.One);
        var notP = p.neg().add(Scalars.One, Scalars.One);
        return -(y * p.log()).add(notY * notP.log(), Scalars.One);
    }

    /// <inheritdoc />
    public override bool HasLogitsForm(Activation activation) => activation == Activation.Sigmoid;

    /// <summary>From the output before its sigmoid: one fused, numerically stable call.</summary>
    public override Tensor ComputeFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        nn.functional.binary_cross_entropy_with_logits(logits, Align(logits, targets));

    /// <inheritdoc />
    public override Tensor ComputeUnreducedFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        nn.functional.binary_cross_entropy_with_logits(logits, Align(logits, targets), reduction: nn.Reduction.None);
}
