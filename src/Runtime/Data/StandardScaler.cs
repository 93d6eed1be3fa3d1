using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>Standardizes each feature to mean 0 and (population) standard deviation 1, as scikit-learn does.</summary>
public sealed class StandardScaler : Scaler
{
    /// <summary>Per-feature means learned by <see cref="Scaler.Fit"/>.</summary>
    public double[] Mean => ToArray(Offset);

    /// <summary>Per-feature standard deviations (1 for constant features).</summary>
    public double[] Scale => ToArray(ScaleTensor);

    /// <inheritdoc />
    protected override (Tensor Offset, Tensor Scale) Learn(Tensor x) => (x.mean(new long[] { 0 }), x.std(0, unbiased: false));
}
