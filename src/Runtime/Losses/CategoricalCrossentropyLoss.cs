using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Cross-entropy of softmax probabilities against one-hot labels, over the class axis (a map's channels), averaged over the rest.</summary>
public sealed class CategoricalCrossentropyLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "CategoricalCrossentropy";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets) => ComputeUnreduced(predictions, targets).mean();

    /// <inheritdoc />
    public override Tensor ComputeUnreduced(Tensor predictions, Tensor targets)
    {
        var y = Align(predictions, targets);
        var p = Clipped(predictions);
        return -(y * p.log()).sum(ClassAxis(predictions));
    }

    /// <inheritdoc />
    public override bool HasLogitsForm(Activation activation) => activation == Activation.Softmax;

    /// <summary>From the output before its softmax, through <c>log_softmax</c>.</summary>
    public override Tensor ComputeFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        ComputeUnreducedFromLogits(logits, activation, targets).mean();

    /// <inheritdoc />
    public override Tensor ComputeUnreducedFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        -(Align(logits, targets) * nn.functional.log_softmax(logits, ClassAxis(logits))).sum(ClassAxis(logits));
}
