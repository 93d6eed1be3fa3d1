using System;
using System.Linq;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data.Series;

/// <summary>Small series whose values say where they are, so windows and forecasts can be read off.</summary>
internal static class SeriesData
{
    public static readonly DateTime Monday = new(2024, 1, 1);

    /// <summary>A weekly univariate series whose value at step i is <paramref name="first"/> + i.</summary>
    public static TimeSeries Ramp(int length, double first = 0, string name = "value") =>
        new(Weeks(length), Enumerable.Range(0, length).Select(i => first + i).ToArray(), name);

    /// <summary>A weekly series of two features: step i is (i, 100 + i).</summary>
    public static TimeSeries TwoFeatures(int length)
    {
        var values = new double[length, 2];
        for (var i = 0; i < length; i++)
        {
            values[i, 0] = i;
            values[i, 1] = 100 + i;
        }

        return new TimeSeries(Weeks(length), values, ["a", "b"]);
    }

    public static DateTime[] Weeks(int length) => Enumerable.Range(0, length).Select(static i => Monday.AddDays(7 * i)).ToArray();
}
