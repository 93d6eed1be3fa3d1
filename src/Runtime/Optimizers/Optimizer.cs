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

    /// <summary>The optimizer of <paramref name="kind"/> with Keras's default hyperparameters.</summary>
    public static Optimizer FromKind(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Adam => new Adam(),
        OptimizerKind.Sgd => new Sgd(),
        OptimizerKind.Adagrad => new Adagrad(),
        OptimizerKind.Adadelta => new Adadelta(),
        OptimizerKind.RmsProp => new RmsProp(),
        OptimizerKind.AdamW => new AdamW(),
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Unknown optimizer kind."),
    };

    /// <summary>Creates the TorchSharp optimizer over <paramref name="parameters"/>.</summary>
    public abstract optim.Optimizer Create(IEnumerable<Parameter> parameters);
}
