using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>Adam; Keras defaults (epsilon 1e-7 where PyTorch uses 1e-8).</summary>
public sealed class Adam : Optimizer
{
    /// <summary>Creates the description of an Adam optimizer.</summary>
    public Adam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        Beta1 = Hyperparameters.InUnitInterval(beta1, nameof(beta1));
        Beta2 = Hyperparameters.InUnitInterval(beta2, nameof(beta2));
        Epsilon = Hyperparameters.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>Decay of the first-moment average.</summary>
    public double Beta1 { get; }

    /// <summary>Decay of the second-moment average.</summary>
    public double Beta2 { get; }

    /// <summary>Numerical-stability term.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.Adam(parameters, LearningRate, Beta1, Beta2, Epsilon);
}
