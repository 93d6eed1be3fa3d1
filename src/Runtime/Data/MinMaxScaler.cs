using System;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>Scales each feature linearly to a range, [0, 1] by default.</summary>
public sealed class MinMaxScaler : Scaler
{
    /// <summary>Creates a scaler to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public MinMaxScaler(double min = 0, double max = 1)
    {
        if (!(max > min))
        {
            throw new ArgumentException($"The range must have max > min; got [{min}, {max}].");
        }

        RangeMin = min;
        RangeMax = max;
    }

    /// <summary>Lower end of the output range.</summary>
    public double RangeMin { get; }

    /// <summary>Upper end of the output range.</summary>
    public double RangeMax { get; }

    /// <summary>Per-feature minimum of the fitted data.</summary>
    public double[] DataMin { get; private set; } = Array.Empty<double>();

    /// <summary>Per-feature maximum of the fitted data.</summary>
    public double[] DataMax { get; private set; } = Array.Empty<double>();

    /// <inheritdoc />
    protected override (Tensor Offset, Tensor Scale) Learn(Tensor x)
    {
        var min = x.amin(new long[] { 0 });
        var max = x.amax(new long[] { 0 });
        DataMin = ToArray(min);
        DataMax = ToArray(max);

        // y = (x - min) / (max - min) * (b - a) + a  ==  (x - offset) / scale
        var scale = (max - min) / (RangeMax - RangeMin);
        var constant = scale.abs() < 1e-12;
        var safeScale = where(constant, ones_like(scale), scale);
        var offset = min - (RangeMin * safeScale);
        return (offset, safeScale);
    }
}
