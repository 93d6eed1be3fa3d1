using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Callbacks;

/// <summary>What callbacks see of a running <c>Fit</c>, and what they may change.</summary>
public sealed class TrainingContext
{
    // The values callbacks log for the epoch under way; null outside an epoch's training.
    private Dictionary<string, double>? _loggedValues;

    // Null for a composite network (a GAN), whose parts each train with their own optimizer.
    private readonly optim.Optimizer? _optimizer;

    internal TrainingContext(INetwork network, History history, int epochs, System.IO.TextWriter? output, optim.Optimizer? optimizer, CompileOptions compileOptions, int initialEpoch = 0)
    {
        Network = network;
        History = history;
        Epochs = epochs;
        InitialEpoch = initialEpoch;
        Output = output;
        _optimizer = optimizer;
        CompileOptions = compileOptions;
    }

    /// <summary>The network being trained.</summary>
    public INetwork Network { get; }

    /// <summary>The network as a TorchSharp module (its parameters, <c>state_dict</c>, training mode).</summary>
    public nn.Module Module => (nn.Module)Network;

    /// <summary>The history so far.</summary>
    public History History { get; }

    /// <summary>The final epoch: <c>Fit</c>'s <c>epochs</c>, the number of epochs of a run that starts at 0.</summary>
    public int Epochs { get; }

    /// <summary>The 0-based index of the first epoch this <c>Fit</c> trains: its <c>initialEpoch</c>, 0 unless training resumes.</summary>
    public int InitialEpoch { get; }

    /// <summary>Where progress is written, or null when silent.</summary>
    public System.IO.TextWriter? Output { get; }

    /// <summary>The TorchSharp optimizer stepping the network's trainable parameters.</summary>
    /// <exception cref="InvalidOperationException">The network is a composite (a GAN) whose parts each train with their own optimizer.</exception>
    public optim.Optimizer Optimizer => _optimizer ?? throw new InvalidOperationException(
        $"{Network.Description.Name} has no optimizer of its own: each of its parts trains with its own, so a callback that reads or sets the learning rate does not apply to it.");

    /// <summary>The optimizer description and the losses and metrics in use.</summary>
    public CompileOptions CompileOptions { get; }

    /// <summary>
    /// The learning rate of the optimizer's first parameter group; setting it sets every group's
    /// (what learning-rate schedules do).
    /// </summary>
    public double LearningRate
    {
        get => Optimizer.ParamGroups.First().LearningRate;
        set
        {
            foreach (var group in Optimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    /// <summary>Set to stop after the current batch's step; the epoch then ends with what it trained.</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why training stopped early, when it did; <c>Fit</c> prints it.</summary>
    public string? StopReason { get; set; }

    /// <summary>
    /// Logs <paramref name="value"/> as <paramref name="name"/> for the epoch under way, replacing
    /// what a callback logged under that name earlier in the epoch. <c>Fit</c> adds these values
    /// to the epoch's logs, after the validation values, before it prints the epoch's line,
    /// records <see cref="History"/> and calls <see cref="Callback.OnEpochEnd"/>; so every
    /// callback sees them, whatever their order (the learning-rate schedules log
    /// <c>learning_rate</c> this way, as Keras 3 does).
    /// </summary>
    /// <remarks>
    /// Keras callbacks write into the logs dictionary in <c>on_epoch_end</c>, before Keras's own
    /// History callback (the last one) records it. <c>Fit</c> records the epoch before any
    /// callback's <see cref="Callback.OnEpochEnd"/>, so a value must be logged while the epoch
    /// runs: from <see cref="Callback.OnEpochBegin"/>, <see cref="Callback.OnBatchBegin"/> or
    /// <see cref="Callback.OnBatchEnd"/>.
    /// </remarks>
    /// <param name="name">The log name, e.g. <c>learning_rate</c>; not one <c>Fit</c> logs itself (a loss, a metric, a <c>val_</c> value).</param>
    /// <param name="value">The value.</param>
    /// <exception cref="InvalidOperationException">No epoch is being trained (the call comes from <see cref="Callback.OnTrainBegin"/>, <see cref="Callback.OnEpochEnd"/> or <see cref="Callback.OnTrainEnd"/>).</exception>
    public void LogValue(string name, double value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (_loggedValues is null)
        {
            throw new InvalidOperationException(
                $"'{name}' cannot be logged now: values are logged for the epoch under way, from OnEpochBegin, OnBatchBegin or OnBatchEnd (by OnEpochEnd the epoch's logs are recorded).");
        }

        _loggedValues[name] = value;
    }

    /// <summary>Starts collecting the values callbacks log for an epoch; <c>Fit</c> calls it before <see cref="Callback.OnEpochBegin"/>.</summary>
    internal void BeginEpochLogs() => _loggedValues = new Dictionary<string, double>(StringComparer.Ordinal);

    /// <summary>Adds the values callbacks logged to <paramref name="epochLogs"/> and stops collecting.</summary>
    /// <exception cref="InvalidOperationException">A callback logged a name <c>Fit</c> logs itself.</exception>
    internal void EndEpochLogs(Dictionary<string, double> epochLogs)
    {
        var logged = _loggedValues ?? new Dictionary<string, double>();
        _loggedValues = null;
        foreach (var (name, value) in logged)
        {
            if (!epochLogs.TryAdd(name, value))
            {
                throw new InvalidOperationException($"A callback logged '{name}', which Fit logs itself; log the value under another name.");
            }
        }
    }
}
