using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using ScottPlot;

namespace NetGen.Samples.Forecasting;

/// <summary>
/// Draws the series and the forecasts in one PNG: the observed weeks before the test span (the
/// last years only, so the seasonal wave stays visible), the test span's actual values, each
/// network's recursive forecast over it, the seasonal-naive baseline and the forecast after the
/// last observation, with the start of the test span marked.
/// </summary>
internal static class ForecastPlot
{
    /// <summary>Years of history drawn before the test span.</summary>
    private const int HistoryYears = 8;

    public static void Save(TimeSeries co2, TimeSeriesSplit split, TimeSeries baseline, IReadOnlyList<ForecastingSample.ModelResult> models, string path)
    {
        PlotFonts.Register();
        var plot = new Plot();
        Line(plot, split.History.Last(HistoryYears * ForecastingSample.Season), "observed (training and validation)", Colors.Gray, LinePattern.Solid);
        Line(plot, split.Test, "observed (test)", Colors.Black, LinePattern.Solid);
        Line(plot, baseline, "seasonal naive", Colors.Orange, LinePattern.Dashed);
        var palette = new[] { Colors.Blue, Colors.Green, Colors.Purple };
        for (var m = 0; m < models.Count; m++)
        {
            var color = palette[m % palette.Length];
            var name = ForecastingSample.Name(models[m].Target).ToLowerInvariant();
            Line(plot, models[m].TestForecast, $"LSTM forecast ({name})", color, LinePattern.Solid);
            Line(plot, models[m].Future, $"future ({name})", color, LinePattern.Dotted);
        }

        var testStart = plot.Add.VerticalLine(split.Test.Start.ToOADate());
        testStart.Color = Colors.Gray;
        testStart.LinePattern = LinePattern.Dashed;
        testStart.LegendText = "test span starts";

        plot.Title($"Mauna Loa weekly CO2: recursive forecasts over the test span and after {ForecastingSample.Date(co2.End)}");
        plot.YLabel("CO2 (ppmv)");
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        plot.SavePng(path, 1400, 700);
    }

    private static void Line(Plot plot, TimeSeries series, string label, Color color, LinePattern pattern)
    {
        var line = plot.Add.Scatter(series.Timestamps.Select(static t => t.ToOADate()).ToArray(), series.Values().ToArray());
        line.LegendText = label;
        line.Color = color;
        line.LinePattern = pattern;
        line.LineWidth = 1.5f;
        line.MarkerSize = 0;
    }
}
