using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Binary cross-entropy of probabilities against 0/1 labels, averaged over every output.</summary>
public sealed class BinaryCrossentropyLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "BinaryCrossentropy";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets)
    {
        var y = Align(predictions, targets);
        var p = predictions.clamp(Epsilon, 1 - Epsilon);
        return -(y * p.log() + (1 - y) * (1 - p).log()).mean();
    }

    /// <inheritdoc />
    public override bool HasLogitsForm(Activation activation) => activation == Activation.Sigmoid;

    /// <summary>From the output before its sigmoid: one fused, numerically stable call.</summary>
    public override Tensor ComputeFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        nn.functional.binary_cross_entropy_with_logits(logits, Align(logits, targets));
}
