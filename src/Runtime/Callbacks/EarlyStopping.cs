using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Callbacks;

/// <summary>
/// Stops training when a monitored value has stopped improving, with Keras's semantics:
/// an improvement must beat the best value by more than <see cref="MinDelta"/>; after
/// <see cref="Patience"/> epochs without one, training stops; with
/// <see cref="RestoreBestWeights"/> the weights of the best epoch are put back at the end.
/// Unlike Keras, they are put back however training ends: also when it is cancelled or an epoch
/// throws (<see cref="Callback.OnTrainEnd"/> runs in a <c>finally</c>), so the network never keeps
/// the weights of an interrupted epoch.
/// </summary>
public sealed class EarlyStopping : Callback
{
    private Dictionary<string, Tensor>? _bestWeights;
    private double _best;
    private int _wait;

    /// <summary>Creates the callback.</summary>
    public EarlyStopping(
        string monitor = "val_loss",
        int patience = 0,
        double minDelta = 0,
        MonitorMode mode = MonitorMode.Auto,
        bool restoreBestWeights = false,
        double? baseline = null,
        int startFromEpoch = 0)
    {
        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must be zero or positive.");
        }

        Monitor = monitor ?? throw new ArgumentNullException(nameof(monitor));
        Patience = patience;
        MinDelta = Math.Abs(minDelta);
        Mode = mode == MonitorMode.Auto
            ? (monitor.EndsWith("accuracy", StringComparison.Ordinal) || monitor.EndsWith("auc", StringComparison.Ordinal) ? MonitorMode.Max : MonitorMode.Min)
            : mode;
        RestoreBestWeights = restoreBestWeights;
        Baseline = baseline;
        StartFromEpoch = startFromEpoch;
    }

    /// <summary>The logged value watched, e.g. <c>val_loss</c>.</summary>
    public string Monitor { get; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; }

    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Direction of improvement (never Auto once constructed).</summary>
    public MonitorMode Mode { get; }

    /// <summary>Whether the best epoch's weights are restored at the end.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>A value to beat before anything counts as an improvement.</summary>
    public double? Baseline { get; }

    /// <summary>Epochs of warm-up that are not monitored.</summary>
    public int StartFromEpoch { get; }

    /// <summary>The 0-based epoch with the best value, or -1.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>The 0-based epoch training stopped after, or -1 when it ran to the end.</summary>
    public int StoppedEpoch { get; private set; } = -1;

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        _wait = 0;

        // The baseline is the first value to beat, as Keras documents it ("stop if the model
        // doesn't show improvement over the baseline"). Keras 3's code instead tracks the best
        // from infinity and only withholds the patience reset, so a run improving below the
        // baseline never stops there; the documented behaviour is the useful one.
        _best = Baseline ?? (Mode == MonitorMode.Min ? double.PositiveInfinity : double.NegativeInfinity);
        BestEpoch = -1;
        StoppedEpoch = -1;
        DisposeBest();
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (!logs.TryGetValue(Monitor, out var current))
        {
            throw new InvalidOperationException(
                $"EarlyStopping monitors '{Monitor}', which training does not log; it logs {string.Join(", ", logs.Keys)}.");
        }

        // A NaN value is simply not an improvement (every comparison with it is false), so a
        // diverging run stops after the patience instead of going on forever.
        if (epoch < StartFromEpoch)
        {
            return;
        }

        if (RestoreBestWeights && _bestWeights is null)
        {
            // As in Keras: until something improves (e.g. on a baseline never beaten), the
            // first monitored epoch's weights are the ones to go back to.
            SnapshotWeights(context);
            BestEpoch = epoch;
        }

        _wait++;
        if (IsImprovement(current))
        {
            _best = current;
            BestEpoch = epoch;
            _wait = 0;
            if (RestoreBestWeights)
            {
                SnapshotWeights(context);
            }

            return;
        }

        if (_wait >= Patience && epoch > 0)
        {
            StoppedEpoch = epoch;
            context.StopTraining = true;
            context.StopReason = $"Early stopping after epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}: {Monitor} has not improved since epoch {(BestEpoch + 1).ToString(CultureInfo.InvariantCulture)}.";
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        if (RestoreBestWeights && _bestWeights is not null)
        {
            using (no_grad())
            {
                foreach (var (name, tensor) in context.Module.state_dict())
                {
                    tensor.copy_(_bestWeights[name]);
                }
            }

            context.Output?.WriteLine($"Restoring weights from the end of the best epoch: {(BestEpoch + 1).ToString(CultureInfo.InvariantCulture)}.");
        }

        DisposeBest();
    }

    private bool IsImprovement(double current) =>
        Mode == MonitorMode.Min ? current < _best - MinDelta : current > _best + MinDelta;

    private void SnapshotWeights(TrainingContext context)
    {
        DisposeBest();

        // The detached views die with the scope; the clones are kept until restored or replaced.
        using var scope = NewDisposeScope();
        _bestWeights = context.Module.state_dict().ToDictionary(static pair => pair.Key, static pair => pair.Value.detach().clone().DetachFromDisposeScope());
    }

    private void DisposeBest()
    {
        if (_bestWeights is null)
        {
            return;
        }

        foreach (var tensor in _bestWeights.Values)
        {
            tensor.Dispose();
        }

        _bestWeights = null;
    }
}
