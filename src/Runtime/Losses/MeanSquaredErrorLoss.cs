using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>Mean of squared errors.</summary>
public sealed class MeanSquaredErrorLoss : LossFunction
{
    /// <inheritdoc />
    public override string Name => "MeanSquaredError";

    /// <inheritdoc />
    public override Tensor Compute(Tensor predictions, Tensor targets) => (predictions - Align(predictions, targets)).square().mean();
}
