using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>RMSprop; Keras defaults (rho 0.9, PyTorch's <c>alpha</c>).</summary>
public sealed class RmsProp : Optimizer
{
    /// <summary>Creates the description of an RMSprop optimizer.</summary>
    public RmsProp(double learningRate = 0.001, double rho = 0.9, double momentum = 0, double epsilon = 1e-7, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Rho = Hyperparameters.InUnitInterval(rho, nameof(rho));
        Momentum = Hyperparameters.InUnitInterval(momentum, nameof(momentum));
        Epsilon = Hyperparameters.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>Decay of the squared-gradient average.</summary>
    public double Rho { get; }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Numerical-stability term.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.RMSProp(parameters, LearningRate, alpha: Rho, eps: Epsilon, momentum: Momentum);
}
