using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using NetGen.Data;

namespace NetGen.Training;

/// <summary>
/// Every logged value of every epoch, as Keras's <c>history.history</c>: <c>history["val_loss"][3]</c>.
/// </summary>
public sealed class History
{
    private readonly Dictionary<string, List<double>> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<double>> _view = new(StringComparer.Ordinal);
    private readonly List<RoleWarning> _warnings = new();
    private readonly List<int> _epochIndices = new();

    /// <summary>Creates an empty history.</summary>
    public History() => Values = new ReadOnlyDictionary<string, IReadOnlyList<double>>(_view);

    /// <summary>Number of epochs recorded.</summary>
    public int Epochs { get; private set; }

    /// <summary>
    /// The 0-based index of each recorded epoch, as Keras's <c>history.epoch</c>: 0, 1, 2, ... for a
    /// fresh run, from <c>initialEpoch</c> on for a resumed one.
    /// </summary>
    public IReadOnlyList<int> EpochIndices => _epochIndices;

    /// <summary>The recorded values by name, in the order they first appeared.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> Values { get; }

    /// <summary>The value's series, one entry per epoch.</summary>
    public IReadOnlyList<double> this[string name] =>
        _view.TryGetValue(name, out var values)
            ? values
            : throw new KeyNotFoundException($"History has no '{name}'; it has {string.Join(", ", _values.Keys)}.");

    /// <summary>
    /// The data-role warnings <c>Fit</c> gave (validating on test data, ...), also printed to its output;
    /// empty when the data was used as its roles say or <see cref="NetGen.Data.DataRoles.Enabled"/> is off.
    /// </summary>
    public IReadOnlyList<RoleWarning> Warnings => _warnings;

    /// <summary>Whether the value was recorded.</summary>
    public bool Contains(string name) => _values.ContainsKey(name);

    internal void AddWarnings(IEnumerable<RoleWarning> warnings) => _warnings.AddRange(warnings);

    internal void Add(int epoch, IReadOnlyDictionary<string, double> logs)
    {
        _epochIndices.Add(epoch);
        foreach (var (name, value) in logs)
        {
            if (!_values.TryGetValue(name, out var values))
            {
                values = new List<double>();
                _values[name] = values;
                _view[name] = values.AsReadOnly();
            }

            values.Add(value);
        }

        Epochs++;
    }
}
