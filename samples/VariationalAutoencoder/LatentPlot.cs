using System;
using System.Collections.Generic;
using System.Linq;
using ScottPlot;
using static TorchSharp.torch;

namespace NetGen.Samples.VariationalAutoencoder;

/// <summary>Plots latent means, one colour per class, as Keras's example plots the digit classes.</summary>
internal static class LatentPlot
{
    public static void Save(float[,] means, Tensor labels, IReadOnlyList<string> classNames, string path)
    {
        if (means.GetLength(0) != labels.shape[0])
        {
            throw new ArgumentException($"{means.GetLength(0)} latent means cannot be plotted with {labels.shape[0]} labels.", nameof(labels));
        }

        PlotFonts.Register();
        var classes = labels.to(CPU).to_type(ScalarType.Int64).data<long>().ToArray();
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (var c = 0; c < classNames.Count; c++)
        {
            var rows = Enumerable.Range(0, classes.Length).Where(i => classes[i] == c).ToArray();
            if (rows.Length == 0)
            {
                continue;
            }

            var points = plot.Add.ScatterPoints(rows.Select(i => (double)means[i, 0]).ToArray(), rows.Select(i => (double)means[i, 1]).ToArray(), palette.GetColor(c));
            points.MarkerSize = 3;
            points.LegendText = classNames[c];
        }

        plot.Title("Test images' latent means");
        plot.XLabel("z1");
        plot.YLabel("z2");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 900, 750);
    }
}
