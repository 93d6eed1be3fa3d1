using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>
/// The description of an optimizer and its hyperparameters (Keras defaults). Training creates
/// the TorchSharp optimizer from it over the network's trainable parameters.
/// </summary>
public abstract class Optimizer
{
    /// <summary>Sets the learning rate shared by every optimizer.</summary>
    protected Optimizer(double learningRate)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new System.ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive, finite number.");
        }

        LearningRate = learningRate;
    }

    /// <summary>Step size.</summary>
    public double LearningRate { get; }

    /// <summary>Creates the TorchSharp optimizer over <paramref name="parameters"/>.</summary>
    public abstract optim.Optimizer Create(IEnumerable<Parameter> parameters);
}
