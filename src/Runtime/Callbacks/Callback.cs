using System.Collections.Generic;
using NetGen.Training;

namespace NetGen.Callbacks;

/// <summary>Hooks into <c>Fit</c>, Keras-style. Override what you need.</summary>
public abstract class Callback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>Before each epoch (0-based).</summary>
    public virtual void OnEpochBegin(TrainingContext context, int epoch)
    {
    }

    /// <summary>After each training batch, with that batch's loss.</summary>
    public virtual void OnBatchEnd(TrainingContext context, int batch, double loss)
    {
    }

    /// <summary>After each epoch, with its loss and metrics (validation ones prefixed <c>val_</c>).</summary>
    public virtual void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>After training, whether it ran out of epochs or was stopped.</summary>
    public virtual void OnTrainEnd(TrainingContext context)
    {
    }
}

/// <summary>What callbacks see of a running <c>Fit</c>.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(Network network, History history, int epochs, System.IO.TextWriter? output)
    {
        Network = network;
        History = history;
        Epochs = epochs;
        Output = output;
    }

    /// <summary>The network being trained.</summary>
    public Network Network { get; }

    /// <summary>The history so far.</summary>
    public History History { get; }

    /// <summary>The number of epochs requested.</summary>
    public int Epochs { get; }

    /// <summary>Where progress is written, or null when silent.</summary>
    public System.IO.TextWriter? Output { get; }

    /// <summary>Set to stop after the current epoch (or batch, for <see cref="TerminateOnNaN"/>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why training stopped early, when it did.</summary>
    public string? StopReason { get; set; }
}
