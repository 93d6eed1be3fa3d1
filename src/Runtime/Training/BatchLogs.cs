using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>
/// The running values of the epoch so far, given to <c>Callback.OnBatchEnd</c>. Reading a value
/// copies it from the device, so batches nobody reads cost nothing.
/// </summary>
public sealed class BatchLogs
{
    private readonly RunLogs _logs;
    private Dictionary<string, double>? _all;

    internal BatchLogs(RunLogs logs) => _logs = logs;

    /// <summary>The running mean loss of the epoch.</summary>
    public double Loss => this["loss"];

    /// <summary>A running value by name (<c>loss</c>, a metric, a logged value).</summary>
    public double this[string name] => _all is { } all ? all[name] : _logs.Value(name);

    /// <summary>Every running value.</summary>
    public IReadOnlyDictionary<string, double> All() => _all ??= _logs.Results();
}
