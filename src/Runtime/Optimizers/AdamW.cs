using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>Adam with decoupled weight decay; Keras defaults (weight decay 0.004).</summary>
public sealed class AdamW : Optimizer
{
    /// <summary>Creates the description of an AdamW optimizer.</summary>
    public AdamW(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-7, double weightDecay = 0.004)
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

    /// <summary>TorchSharp's AdamW applies the same decoupled decay itself.</summary>
    protected override bool DecaysWeightsItself => true;

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.AdamW(parameters, LearningRate, Beta1, Beta2, Epsilon, WeightDecay);
}
