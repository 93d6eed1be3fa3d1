using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using NetGen.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// The Keras-style summary written into the generated class's XML doc. NetGen.Network.Summary()
/// prints the same table at run time; a test keeps the two identical.
/// </summary>
internal static class SummaryTable
{
    public static string Format(NetworkSpec spec)
    {
        var isGraph = IsGraph(spec);
        var rows = new List<string[]>();
        if (isGraph)
        {
            rows.Add(new[] { spec.InputName + " (InputLayer)", spec.InputShape?.ToString() ?? "?", Count(0), string.Empty });
        }

        foreach (var index in spec.ExecutionOrder)
        {
            var layer = spec.Layers[index];
            rows.Add(new[]
            {
                layer.Name + " (" + layer.TypeName + ")",
                layer.OutputShape?.ToString() ?? "?",
                Count(layer.ParameterCount),
                string.Join(", ", layer.Inputs),
            });
        }

        var header = new[] { "Layer (type)", "Output Shape", "Param #", "Connected to" };
        var columns = isGraph ? 4 : 3;
        var minimum = new[] { 28, 26, 10, 20 };
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            widths[c] = Math.Max(minimum[c], rows.Select(row => row[c].Length + 1).DefaultIfEmpty(0).Max());
        }

        var ruleLength = 1 + widths.Sum();
        var total = spec.Layers.Sum(static layer => layer.ParameterCount);
        var trainable = spec.Layers.Sum(static layer => layer.TrainableParameterCount);

        var text = new StringBuilder();
        text.Append("Model: \"").Append(spec.ClassName).Append("\"\n");
        text.Append('_', ruleLength).Append('\n');
        text.Append(Row(header, widths)).Append('\n');
        text.Append('=', ruleLength).Append('\n');
        foreach (var row in rows)
        {
            text.Append(Row(row, widths)).Append('\n');
        }

        text.Append('=', ruleLength).Append('\n');
        text.Append("Total params: ").Append(Count(total)).Append('\n');
        text.Append("Trainable params: ").Append(Count(trainable)).Append('\n');
        text.Append("Non-trainable params: ").Append(Count(total - trainable)).Append('\n');
        text.Append('_', ruleLength);
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

    /// <summary>Matches NetworkDescription.IsGraph: in execution order, some layer reads something other than the layer before it.</summary>
    private static bool IsGraph(NetworkSpec spec)
    {
        for (var i = 0; i < spec.ExecutionOrder.Count; i++)
        {
            var layer = spec.Layers[spec.ExecutionOrder[i]];
            var expected = i == 0 ? spec.InputName : spec.Layers[spec.ExecutionOrder[i - 1]].Name;
            if (layer.Inputs.Count != 1 || layer.Inputs[0] != expected)
            {
                return true;
            }
        }

        return false;
    }
}
