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
