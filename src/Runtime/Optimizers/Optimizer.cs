using System.Collections.Generic;
using System.Linq;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>
/// The description of an optimizer and its hyperparameters (Keras defaults). Training creates
/// the TorchSharp optimizer from it over the network's trainable parameters.
/// </summary>
/// <remarks>
/// <see cref="WeightDecay"/> is decoupled on every optimizer, as in Keras 3: before each update
/// every weight shrinks by <c>learningRate * weightDecay * weight</c>, instead of PyTorch's L2
/// penalty added to the gradient (which Adam-style optimizers rescale, so the same number would
/// train differently than in Keras).
/// </remarks>
public abstract class Optimizer
{
    /// <summary>Sets the hyperparameters every optimizer has.</summary>
    protected Optimizer(double learningRate, double weightDecay)
    {
        if (!(learningRate > 0) || double.IsInfinity(learningRate))
        {
            throw new System.ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be a positive, finite number.");
        }

        LearningRate = learningRate;
        WeightDecay = Hyperparameters.NonNegative(weightDecay, nameof(weightDecay));
    }

    /// <summary>Step size (the starting one, when a schedule changes it during training).</summary>
    public double LearningRate { get; }

    /// <summary>Decoupled weight decay: the fraction of each weight, times the learning rate, removed per step.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether the TorchSharp optimizer applies <see cref="WeightDecay"/> itself (AdamW).</summary>
    protected virtual bool DecaysWeightsItself => false;

    /// <summary>The optimizer of <paramref name="kind"/> with Keras's default hyperparameters.</summary>
    public static Optimizer FromKind(OptimizerKind kind) => kind switch
    {
        OptimizerKind.Adam => new Adam(),
        OptimizerKind.Sgd => new Sgd(),
        OptimizerKind.Adagrad => new Adagrad(),
        OptimizerKind.Adadelta => new Adadelta(),
        OptimizerKind.RmsProp => new RmsProp(),
        OptimizerKind.AdamW => new AdamW(),
        _ => throw new System.ArgumentException($"{(int)kind} is not a defined OptimizerKind value.", nameof(kind)),
    };

    /// <summary>Creates the TorchSharp optimizer over <paramref name="parameters"/>.</summary>
    public abstract optim.Optimizer Create(IEnumerable<Parameter> parameters);

    /// <summary>
    /// Applies the decoupled weight decay to the parameters of <paramref name="optimizer"/> at
    /// each group's current learning rate; training calls it just before <c>step()</c>.
    /// </summary>
    public void DecayWeights(optim.Optimizer optimizer)
    {
        if (WeightDecay == 0 || DecaysWeightsItself)
        {
            return;
        }

        using var noGrad = no_grad();
        foreach (var group in optimizer.ParamGroups.OfType<ParamGroup>())
        {
            using var factor = (1 - (group.LearningRate * WeightDecay)).ToScalar();
            foreach (var parameter in group.Parameters)
            {
                parameter.mul_(factor);
            }
        }
    }
}
