using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Training;

/// <summary>
/// Every metric of every epoch, as Keras's <c>history.history</c>: <c>history["val_loss"][3]</c>.
/// </summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);

    /// <summary>Number of epochs recorded.</summary>
    public int Epochs { get; private set; }

    /// <summary>The recorded metrics by name, in the order they first appeared.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Values =>
        _values.ToDictionary(static pair => pair.Key, static pair => (IReadOnlyList<double>)pair.Value, StringComparer.Ordinal);

    /// <summary>The metric's value per epoch.</summary>
    public IReadOnlyList<double> this[string name] =>
        _values.TryGetValue(name, out var values)
            ? values
            : throw new KeyNotFoundException($"History has no metric '{name}'; it has {string.Join(", ", _values.Keys)}.");

    /// <summary>Whether the metric was recorded.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    internal void Add(IReadOnlyDictionary<string, double> logs)
    {
        foreach (var (name, value) in logs)
        {
            if (!_values.TryGetValue(name, out var values))
            {
                values = new List<double>();
                _values[name] = values;
            }

            values.Add(value);
        }

        Epochs++;
    }
}
