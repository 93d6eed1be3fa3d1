using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Shared;

/// <summary>
/// The Keras-style summary table. One source file, compiled into the generator (the table in the
/// generated class's XML doc) and into the runtime (<c>Summary()</c>), so the two cannot drift.
/// </summary>
internal static class SummaryTable
{
    private static readonly string[] s_header = { "Layer (type)", "Output Shape", "Param #", "Connected to" };

    // Keras's column widths (28/26/10, and 20 for "Connected to"), widened to the longest cell plus one.
    private static readonly int[] s_minimumWidths = { 28, 26, 10, 20 };

    /// <summary>
    /// Formats the table: one row per input (graphs only) and per layer, then the totals. Lines
    /// are separated by <c>\n</c>; there is no trailing newline. A row whose parameters are counted
    /// only at run time (a custom layer, at design time) shows "?", and the totals then read <c>80 + ?</c>.
    /// </summary>
    public static string Format(string modelName, IReadOnlyList<SummaryRow> rows, bool showConnections, long total, long trainable)
    {
        var partial = rows.Any(static row => row.Parameters is null) ? " + ?" : string.Empty;
        var columns = showConnections ? 4 : 3;
        var cells = rows.Select(static row => new[] { row.Layer, row.OutputShape, row.Parameters is { } count ? Count(count) : "?", row.ConnectedTo }).ToList();
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(s_minimumWidths[c], cells.Select(row => row[c].Length + 1).DefaultIfEmpty(0).Max());
        }

        var rule = 1 + widths.Sum();
        var text = new StringBuilder();
        text.Append("Model: \"").Append(modelName).Append("\"\n");
        text.Append('_', rule).Append('\n');
        text.Append(Row(s_header, widths)).Append('\n');
        text.Append('=', rule).Append('\n');
        foreach (var row in cells)
        {
            text.Append(Row(row, widths)).Append('\n');
        }

        text.Append('=', rule).Append('\n');
        text.Append("Total params: ").Append(Count(total)).Append(partial).Append('\n');
        text.Append("Trainable params: ").Append(Count(trainable)).Append(partial).Append('\n');
        text.Append("Non-trainable params: ").Append(Count(total - trainable)).Append('\n');
        text.Append('_', rule);
        return text.ToString();
    }

    private static string Row(IReadOnlyList<string> cells, IReadOnlyList<int> widths)
    {
        var line = new StringBuilder(" ");
        for (var c = 0; c < widths.Count; c++)
        {
            line.Append(cells[c].PadRight(widths[c]));
        }

        return line.ToString().TrimEnd();
    }

    private static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>One row of the summary: <c>Hidden1 (Dense)</c>, <c>(None, 12)</c>, 372, <c>input</c>.</summary>
internal sealed class SummaryRow
{
    public SummaryRow(string layer, string outputShape, long? parameters, string connectedTo)
    {
        Layer = layer;
        OutputShape = outputShape;
        Parameters = parameters;
        ConnectedTo = connectedTo;
    }

    public string Layer { get; }

    public string OutputShape { get; }

    /// <summary>The layer's parameters, or null when they are counted only at run time.</summary>
    public long? Parameters { get; }

    public string ConnectedTo { get; }
}
