using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>Adadelta; Keras defaults (learning rate 0.001, rho 0.95).</summary>
public sealed class Adadelta : Optimizer
{
    /// <summary>Creates the description of an Adadelta optimizer.</summary>
    public Adadelta(double learningRate = 0.001, double rho = 0.95, double epsilon = 1e-7, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Rho = Hyperparameters.InUnitInterval(rho, nameof(rho));
        Epsilon = Hyperparameters.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>Decay of the squared-gradient and squared-update averages.</summary>
    public double Rho { get; }

    /// <summary>Numerical-stability term.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.Adadelta(parameters, LearningRate, Rho, Epsilon);
}
