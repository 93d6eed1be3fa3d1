using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Mean of absolute errors.</summary>
public sealed class MeanAbsoluteErrorLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "MeanAbsoluteError";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets) => (predictions - Align(predictions, targets)).abs().mean();

    /// <inheritdoc />
    public override Tensor ComputeUnreduced(Tensor predictions, Tensor targets) => (predictions - Align(predictions, targets)).abs();
}
