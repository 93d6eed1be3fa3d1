using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

public sealed class ScalerTests
{
    private static Tensor Train => tensor(new float[] { 1, 10, 3, 10, 5, 10 }, new long[] { 3, 2 });

    [Fact]
    public void StandardScalerUsesTrainingStatisticsOnly()
    {
        using var scaler = new StandardScaler();
        var scaled = scaler.FitTransform(Train);
        var test = scaler.Transform(tensor(new float[] { 7, 10 }, new long[] { 1, 2 }));

        Assert.Equal(new[] { 3.0, 10.0 }, scaler.Mean);
        Assert.Equal(Math.Sqrt(8.0 / 3), scaler.Scale[0], 10);
        Assert.Equal(1.0, scaler.Scale[1]); // constant column: unscaled, no NaN
        Assert.Equal(-Math.Sqrt(1.5), scaled[0, 0].item<float>(), 5);
        Assert.Equal(0f, scaled[0, 1].item<float>());
        Assert.Equal(4 / Math.Sqrt(8.0 / 3), test[0, 0].item<float>(), 5);
    }

    [Fact]
    public void MinMaxScalerAndInverse()
    {
        using var scaler = new MinMaxScaler(-1, 1);
        var scaled = scaler.FitTransform(Train);
        var back = scaler.InverseTransform(scaled);

        Assert.Equal(new[] { -1f, 0f, 1f }, scaled[.., 0].data<float>().ToArray());
        Assert.Equal(new[] { 1.0, 10.0 }, scaler.DataMin);
        Assert.Equal(Train.data<float>().ToArray(), back.data<float>().ToArray());
    }

    [Fact]
    public void ClearErrorsBeforeFitAndOnFeatureMismatch()
    {
        using var scaler = new StandardScaler();

        Assert.Contains("not fitted", Assert.Throws<InvalidOperationException>(() => scaler.Transform(Train)).Message);
        scaler.Fit(Train);
        Assert.Contains("fitted on 2 features", Assert.Throws<ArgumentException>(() => scaler.Transform(zeros(2, 3))).Message);
    }
}
