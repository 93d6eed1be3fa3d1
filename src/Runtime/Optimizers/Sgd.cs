using System;
using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>Stochastic gradient descent with optional (Nesterov) momentum; Keras defaults.</summary>
public sealed class Sgd : Optimizer
{
    /// <summary>Creates the description of an SGD optimizer.</summary>
    public Sgd(double learningRate = 0.01, double momentum = 0, bool nesterov = false, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Momentum = Hyperparameters.InUnitInterval(momentum, nameof(momentum));
        if (nesterov && momentum == 0)
        {
            throw new ArgumentException("Nesterov momentum needs a momentum above 0.", nameof(nesterov));
        }

        Nesterov = nesterov;
    }

    /// <summary>Momentum factor.</summary>
    public double Momentum { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.SGD(parameters, LearningRate, momentum: Momentum, nesterov: Nesterov);
}
