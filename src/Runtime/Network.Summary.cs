using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace NetGen;

public abstract partial class Network
{
    /// <summary>
    /// The Keras-style summary: each layer's output shape and parameter count, then totals.
    /// Counts come from the live module, so frozen layers show as non-trainable; batch-norm
    /// moving statistics count as non-trainable parameters, as in Keras. The generator writes
    /// the same table (of the fresh network) into the class's XML documentation.
    /// </summary>
    public string Summary()
    {
        var (total, trainable) = CountParameters();
        var rows = new List<string[]>();
        var isGraph = Description.IsGraph;
        if (isGraph)
        {
            rows.Add(new[] { Description.InputName + " (InputLayer)", Description.InputShape.ToString(), Count(0), string.Empty });
        }

        foreach (var layer in Description.Layers)
        {
            rows.Add(new[]
            {
                layer.Name + " (" + layer.Type + ")",
                layer.OutputShape.ToString(),
                Count(total.GetValueOrDefault(layer.Name)),
                string.Join(", ", layer.Inputs),
            });
        }

        // Column widths: Keras's 28/26/10 (and 20 for "Connected to"), widened to the longest
        // cell plus one space; rules span the row's full width plus the leading space.
        var header = new[] { "Layer (type)", "Output Shape", "Param #", "Connected to" };
        var minimum = new[] { 28, 26, 10, 20 };
        var columns = isGraph ? 4 : 3;
        var widths = Enumerable.Range(0, columns).Select(c => Math.Max(minimum[c], rows.Max(row => row[c].Length + 1))).ToArray();
        var rule = widths.Sum() + 1;
        var totalCount = total.Values.Sum();
        var trainableCount = trainable.Values.Sum();

        var text = new StringBuilder();
        text.Append("Model: \"").Append(Description.Name).Append("\"\n");
        text.Append('_', rule).Append('\n');
        text.Append(Row(header, widths)).Append('\n');
        text.Append('=', rule).Append('\n');
        foreach (var row in rows)
        {
            text.Append(Row(row, widths)).Append('\n');
        }

        text.Append('=', rule).Append('\n');
        text.Append("Total params: ").Append(Count(totalCount)).Append('\n');
        text.Append("Trainable params: ").Append(Count(trainableCount)).Append('\n');
        text.Append("Non-trainable params: ").Append(Count(totalCount - trainableCount)).Append('\n');
        text.Append('_', rule);
        return text.ToString();
    }

    /// <summary>Writes <see cref="Summary"/> to <paramref name="output"/> (the console by default).</summary>
    public void PrintSummary(TextWriter? output = null) => (output ?? Console.Out).WriteLine(Summary());

    /// <summary>Per layer (state_dict prefix): all parameters with batch-norm statistics, and trainable ones.</summary>
    private (Dictionary<string, long> Total, Dictionary<string, long> Trainable) CountParameters()
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var trainable = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, parameter) in named_parameters())
        {
            var layer = LayerOf(name);
            total[layer] = total.GetValueOrDefault(layer) + parameter.numel();
            if (parameter.requires_grad)
            {
                trainable[layer] = trainable.GetValueOrDefault(layer) + parameter.numel();
            }
        }

        foreach (var (name, buffer) in named_buffers())
        {
            if (name.EndsWith(".running_mean", StringComparison.Ordinal) || name.EndsWith(".running_var", StringComparison.Ordinal))
            {
                var layer = LayerOf(name);
                total[layer] = total.GetValueOrDefault(layer) + buffer.numel();
            }
        }

        return (total, trainable);
    }

    private static string LayerOf(string stateName)
    {
        var dot = stateName.IndexOf('.');
        return dot < 0 ? stateName : stateName.Substring(0, dot);
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
