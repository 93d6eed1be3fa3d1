using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

public sealed class ScalerTests
{
    // Column 0 is 1, 3, 5 (mean 3, population std sqrt(8/3)); column 1 is constant.
    private static Tensor Train => tensor(new float[] { 1, 10, 3, 10, 5, 10 }, new long[] { 3, 2 });

    [Fact]
    public void StandardScalerLearnsFromTheTrainingSplitOnly()
    {
        using var scaler = new StandardScaler();
        var scaled = scaler.FitTransform(Train);
        var test = scaler.Transform(tensor(new float[] { 7, 12 }, new long[] { 1, 2 }));

        Assert.Equal(new[] { 3.0, 10.0 }, scaler.Mean);
        Assert.Equal(Math.Sqrt(8.0 / 3), scaler.Scale[0], 12);
        Assert.Equal(3, scaler.SamplesSeen);
        Assert.Equal(2, scaler.FeatureCount);
        Assert.Equal(ScalarType.Float32, scaled.dtype);
        Assert.Equal(-Math.Sqrt(1.5), scaled[0, 0].item<float>(), 5);
        Assert.Equal(4 / Math.Sqrt(8.0 / 3), test[0, 0].item<float>(), 5);
    }

    [Fact]
    public void AConstantColumnIsCentredNotDividedByZero()
    {
        // 0.1 is not exact in binary, so the float64 variance of a constant 0.1 column is rounding noise, not 0.
        var x = tensor(Enumerable.Range(0, 7).SelectMany(static i => new[] { 0.1f, i }).ToArray(), new long[] { 7, 2 });
        using var standard = new StandardScaler();
        using var minMax = new MinMaxScaler(-1, 1);

        var standardized = standard.FitTransform(x);
        var scaled = minMax.FitTransform(x);
        var unseen = minMax.Transform(tensor(new[] { 1.1f, 3f }, new long[] { 1, 2 }));

        Assert.Equal(1.0, standard.Scale[0]);
        Assert.False(standardized.isnan().any().item<bool>());
        Assert.Equal(0f, standardized[.., 0].abs().max().item<float>(), 6);
        Assert.Equal(-1f, scaled[0, 0].item<float>());
        // scikit-learn's rule: a constant feature has range 1, so x - min is multiplied by (max - min) of the feature range.
        Assert.Equal(1f, unseen[0, 0].item<float>(), 5);
    }

    [Fact]
    public void MinMaxScalerMapsTheTrainingRangeAndInverts()
    {
        using var scaler = new MinMaxScaler(-1, 1);
        var scaled = scaler.FitTransform(Train);
        var back = scaler.InverseTransform(scaled);

        Assert.Equal((-1.0, 1.0), scaler.FeatureRange);
        Assert.Equal(new[] { -1f, 0f, 1f }, scaled[.., 0].data<float>().ToArray());
        Assert.Equal(new[] { 1.0, 10.0 }, scaler.DataMin);
        Assert.Equal(new[] { 5.0, 10.0 }, scaler.DataMax);
        Assert.Equal(Train.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void StandardScalerInverseRestoresOriginalUnits()
    {
        using var scaler = new StandardScaler();
        var original = tensor(new[] { 151f, 75f, 141f, 206f }, new long[] { 4, 1 });

        var back = scaler.InverseTransform(scaler.FitTransform(original));

        Assert.True(back.allclose(original, rtol: 1e-6, atol: 1e-4));
    }

    [Fact]
    public void IntegerInputGivesFloat32AndDoubleStaysDouble()
    {
        using var scaler = new MinMaxScaler();

        var fromLong = scaler.FitTransform(tensor(new long[] { 0, 5, 10 }, new long[] { 3, 1 }));
        var fromDouble = scaler.Transform(tensor(new double[] { 2.5 }, new long[] { 1, 1 }));

        Assert.Equal(ScalarType.Float32, fromLong.dtype);
        Assert.Equal(new[] { 0f, 0.5f, 1f }, fromLong.data<float>().ToArray());
        Assert.Equal(ScalarType.Float64, fromDouble.dtype);
        Assert.Equal(0.25, fromDouble.item<double>());
    }

    [Fact]
    public void ARefitReplacesTheStatistics()
    {
        using var scaler = new StandardScaler();
        scaler.Fit(Train);

        scaler.Fit(tensor(new float[] { 0, 2 }, new long[] { 1, 2 }));

        Assert.Equal(new[] { 0.0, 2.0 }, scaler.Mean);
        Assert.Equal(1, scaler.SamplesSeen);
    }

    [Fact]
    public void ClearErrorsBeforeFitAndOnFeatureMismatch()
    {
        using var scaler = new StandardScaler();
        using var minMax = new MinMaxScaler();

        Assert.Equal(
            "StandardScaler is not fitted: call Fit (or FitTransform) on the training split first.",
            Assert.Throws<InvalidOperationException>(() => scaler.Transform(Train)).Message);
        Assert.Throws<InvalidOperationException>(() => scaler.InverseTransform(Train));
        Assert.Throws<InvalidOperationException>(() => scaler.Mean);
        Assert.Throws<InvalidOperationException>(() => minMax.DataMin);
        scaler.Fit(Train);
        Assert.StartsWith(
            "StandardScaler was fitted on 2 features; got a [2, 3] tensor.",
            Assert.Throws<ArgumentException>(() => scaler.Transform(zeros(2, 3))).Message);
        Assert.Contains("[samples, features] matrix", Assert.Throws<ArgumentException>(() => scaler.Fit(zeros(3))).Message);
        Assert.Throws<ArgumentException>(() => new MinMaxScaler(1, 1));
    }
}
