using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.Shared;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>The Keras-style summary of a network.</summary>
public static class NetworkSummary
{
    /// <summary>
    /// The Keras-style summary: each layer's output shape and parameter count, then totals.
    /// Counts come from the live module, so frozen layers show as non-trainable; batch-norm
    /// moving statistics count as non-trainable parameters, as in Keras. The generator writes
    /// the same table (of the fresh network) into the class's XML documentation.
    /// </summary>
    public static string Summary(this INetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var description = network.Description;
        var (total, trainable) = CountParameters((nn.Module)network);
        var rows = new List<SummaryRow>();
        var isGraph = description.IsGraph;
        if (isGraph)
        {
            rows.AddRange(description.Inputs.Select(static input => new SummaryRow(input.Name + " (InputLayer)", input.Shape.ToString(), 0, string.Empty)));
        }

        rows.AddRange(description.Layers.Select(layer => new SummaryRow(
            layer.Name + " (" + layer.Type + ")",
            layer.OutputShape?.ToString() ?? "?",
            total.GetValueOrDefault(layer.Name),
            string.Join(", ", layer.InitialState is { } state ? layer.Inputs.Append(state + " (state)") : layer.Inputs))));
        return SummaryTable.Format(description.Name, rows, isGraph, total.Values.Sum(), trainable.Values.Sum());
    }

    /// <summary>Writes <see cref="Summary"/> to <paramref name="output"/> (the console by default).</summary>
    public static void PrintSummary(this INetwork network, TextWriter? output = null) => (output ?? Console.Out).WriteLine(network.Summary());

    /// <summary>Per layer (state_dict prefix): all parameters with batch-norm statistics, and trainable ones.</summary>
    private static (Dictionary<string, long> Total, Dictionary<string, long> Trainable) CountParameters(nn.Module module)
    {
        var total = new Dictionary<string, long>(StringComparer.Ordinal);
        var trainable = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (name, parameter) in module.named_parameters())
        {
            var layer = LayerOf(name);
            total[layer] = total.GetValueOrDefault(layer) + parameter.numel();
            if (parameter.requires_grad)
            {
                trainable[layer] = trainable.GetValueOrDefault(layer) + parameter.numel();
            }
        }

        foreach (var (name, buffer) in module.named_buffers())
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
}
