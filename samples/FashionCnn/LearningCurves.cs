using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using ScottPlot;

namespace NetGen.Samples.FashionCnn;

/// <summary>Draws the history's loss and accuracy, training and validation, side by side in one PNG.</summary>
internal static class LearningCurves
{
    public static void Save(History history, string path)
    {
        PlotFonts.Register();
        var plots = new Multiplot();
        plots.AddPlots(2);
        plots.Layout = new ScottPlot.MultiplotLayouts.Columns();
        // Loss falls and accuracy rises: each legend goes in the corner its curves leave empty.
        Draw(plots.GetPlot(0), history, "loss", "Loss (sparse categorical cross-entropy)", Alignment.UpperRight);
        Draw(plots.GetPlot(1), history, "accuracy", "Accuracy", Alignment.LowerRight);
        plots.SavePng(path, 1200, 450);
    }

    private static void Draw(Plot plot, History history, string name, string title, Alignment legend)
    {
        // Epochs count from 1, as in the progress lines; one epoch still shows as a marked point.
        foreach (var (key, label) in new[] { (name, "training"), ("val_" + name, "validation") })
        {
            if (!history.Contains(key))
            {
                continue;
            }

            IReadOnlyList<double> values = history[key];
            var epochs = Enumerable.Range(1, values.Count).Select(static e => (double)e).ToArray();
            var line = plot.Add.Scatter(epochs, values.ToArray());
            line.LegendText = label;
            line.MarkerSize = 7;
        }

        plot.Title(title);
        plot.XLabel("epoch");
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.ShowLegend(legend);
    }
}
