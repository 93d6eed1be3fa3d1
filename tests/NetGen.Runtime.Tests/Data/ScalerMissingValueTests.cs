using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

/// <summary>scikit-learn's rules for missing values: NaN is ignored when fitting and kept when transforming; infinity is refused.</summary>
public sealed class ScalerMissingValueTests
{
    private const float NaN = float.NaN;

    // Column 0 holds 1, 5, 3 (mean 3, population variance 8/3); column 1 holds 4 and 6 (mean 5, variance 1).
    private static Tensor WithGaps => tensor(new[] { 1, NaN, NaN, 4, 5, 6, 3, NaN }, new long[] { 4, 2 });

    [Fact]
    public void StandardScalerIgnoresNaNLikeNanmeanAndNanstd()
    {
        using var scaler = new StandardScaler();

        var scaled = scaler.FitTransform(WithGaps);

        // sklearn.preprocessing.StandardScaler().fit(X): mean_ [3, 5], scale_ [1.63299316, 1].
        Assert.Equal(new[] { 3.0, 5.0 }, scaler.Mean);
        Assert.Equal(Math.Sqrt(8.0 / 3), scaler.Scale[0], 12);
        Assert.Equal(1.0, scaler.Scale[1], 12);
        Assert.Equal(4, scaler.SamplesSeen);
        var s = (float)Math.Sqrt(8.0 / 3);
        AssertValues(new[] { -2 / s, NaN, NaN, -1, 2 / s, 1, 0, NaN }, scaled);
    }

    [Fact]
    public void MinMaxScalerIgnoresNaNLikeNanminAndNanmax()
    {
        using var scaler = new MinMaxScaler();

        var scaled = scaler.FitTransform(WithGaps);
        var back = scaler.InverseTransform(scaled);

        Assert.Equal(new[] { 1.0, 4.0 }, scaler.DataMin);
        Assert.Equal(new[] { 5.0, 6.0 }, scaler.DataMax);
        AssertValues(new[] { 0, NaN, NaN, 0, 1, 1, 0.5f, NaN }, scaled);
        AssertValues(WithGaps.data<float>().ToArray(), back);
    }

    [Fact]
    public void AConstantFeatureWithGapsIsStillConstant()
    {
        using var scaler = new StandardScaler();

        var scaled = scaler.FitTransform(tensor(new[] { 0.1f, NaN, 0.1f, 0.1f }, new long[] { 4, 1 }));

        Assert.Equal(1.0, scaler.Scale[0]);
        AssertValues(new[] { 0f, NaN, 0f, 0f }, scaled);
    }

    [Fact]
    public void AFeatureWithNoValuesGetsNaNStatisticsAsInScikitLearn()
    {
        using var standard = new StandardScaler();
        using var minMax = new MinMaxScaler();
        var x = tensor(new[] { NaN, 1, NaN, 3 }, new long[] { 2, 2 });

        standard.Fit(x);
        minMax.Fit(x);

        Assert.True(double.IsNaN(standard.Mean[0]) && double.IsNaN(standard.Scale[0]));
        Assert.Equal(2.0, standard.Mean[1]);
        Assert.True(double.IsNaN(minMax.DataMin[0]) && double.IsNaN(minMax.DataMax[0]));
        Assert.Equal(3.0, minMax.DataMax[1]);
    }

    [Theory]
    [InlineData(float.PositiveInfinity, "Infinity")]
    [InlineData(float.NegativeInfinity, "-Infinity")]
    public void AnInfinityCannotBeFittedAndKeepsThePreviousFit(float infinity, string shown)
    {
        using var standard = new StandardScaler();
        using var minMax = new MinMaxScaler();
        standard.Fit(tensor(new float[] { 1, 2, 3, 4 }, new long[] { 2, 2 }));
        var x = tensor(new[] { 1, 2, 3, infinity }, new long[] { 2, 2 });

        var error = Assert.Throws<ArgumentException>(() => standard.Fit(x));

        Assert.StartsWith($"StandardScaler cannot fit infinite values: x[1, 1] is {shown}. NaN is ignored, as in scikit-learn.", error.Message);
        Assert.StartsWith("MinMaxScaler cannot fit infinite values: x[1, 1]", Assert.Throws<ArgumentException>(() => minMax.Fit(x)).Message);
        Assert.Equal(new[] { 2.0, 3.0 }, standard.Mean);
        Assert.False(minMax.IsFitted);
    }

    private static void AssertValues(float[] expected, Tensor actual)
    {
        var values = actual.data<float>().ToArray();
        Assert.Equal(expected.Length, values.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]))
            {
                Assert.True(float.IsNaN(values[i]), $"value {i} is {values[i]}, expected NaN");
            }
            else
            {
                Assert.Equal(expected[i], values[i], 5);
            }
        }
    }
}
