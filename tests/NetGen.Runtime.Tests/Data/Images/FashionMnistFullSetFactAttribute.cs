using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>
/// A fact that reads Fashion-MNIST's full set, installed by the Debian package
/// <c>dataset-fashion-mnist</c> (CI installs it); elsewhere it is reported as skipped rather than failed.
/// </summary>
public sealed class FashionMnistFullSetFactAttribute : FactAttribute
{
    public FashionMnistFullSetFactAttribute()
    {
        if (!FashionMnist.IsFullSetInstalled)
        {
            Skip = $"Needs Fashion-MNIST's full set in {FashionMnist.FullSetDirectory} (Debian package dataset-fashion-mnist).";
        }
    }
}
