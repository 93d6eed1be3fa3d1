using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Linq;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>The loss and metrics of a network on a data set.</summary>
public sealed class EvaluationResult
{
    internal EvaluationResult(IReadOnlyDictionary<string, double> values, IReadOnlyList<RoleWarning>? warnings = null)
    {
        Values = new ReadOnlyDictionary<string, double>(new Dictionary<string, double>(values, StringComparer.Ordinal));
        Warnings = warnings ?? [];
    }

    /// <summary>
    /// The data-role warnings of this evaluation (training data, the data that selected the model...),
    /// also printed to <see cref="DataRoles.Output"/>; empty when the data was used as its roles say.
    /// </summary>
    public IReadOnlyList<RoleWarning> Warnings { get; }

    /// <summary>The loss.</summary>
    public double Loss => Values["loss"];

    /// <summary>Every value by name: <c>loss</c>, then the metrics (<c>accuracy</c>, <c>auc</c>, <c>mae</c>, <c>mse</c>).</summary>
    public IReadOnlyDictionary<string, double> Values { get; }

    /// <summary>A value by name.</summary>
    public double this[string name] =>
        Values.TryGetValue(name, out var value)
            ? value
            : throw new KeyNotFoundException($"The evaluation has no '{name}'; it has {string.Join(", ", Values.Keys)}.");

    /// <summary><c>loss: 0.1234 - accuracy: 0.9500</c>.</summary>
    public override string ToString() =>
        string.Join(" - ", Values.Select(static pair => pair.Key + ": " + pair.Value.ToString("F4", CultureInfo.InvariantCulture)));
}
