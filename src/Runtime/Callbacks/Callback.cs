using System.Collections.Generic;
using NetGen.Training;

namespace NetGen.Callbacks;

/// <summary>
/// Hooks into <c>Fit</c>, Keras-style. Override what you need. <see cref="OnTrainEnd"/> runs
/// even when training fails or is cancelled, so a callback can always release what it holds.
/// </summary>
public abstract class Callback
{
    /// <summary>Before the first epoch.</summary>
    public virtual void OnTrainBegin(TrainingContext context)
    {
    }

    /// <summary>Before each epoch (0-based; a resumed <c>Fit</c> starts at its <c>initialEpoch</c>).</summary>
    public virtual void OnEpochBegin(TrainingContext context, int epoch)
    {
    }

    /// <summary>Before each training batch (0-based within the epoch).</summary>
    public virtual void OnBatchBegin(TrainingContext context, int batch)
    {
    }

    /// <summary>After each training batch, with the epoch's running values (read lazily: reading one copies it from the device).</summary>
    public virtual void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
    {
    }

    /// <summary>After each epoch, with its values (validation ones prefixed <c>val_</c>).</summary>
    public virtual void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
    }

    /// <summary>After training, whether it ran out of epochs, was stopped, failed or was cancelled.</summary>
    public virtual void OnTrainEnd(TrainingContext context)
    {
    }
}
