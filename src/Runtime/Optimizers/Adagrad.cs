using System.Collections.Generic;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Optimizers;

/// <summary>Adagrad; Keras defaults (learning rate 0.001, initial accumulator 0.1).</summary>
public sealed class Adagrad : Optimizer
{
    /// <summary>Creates the description of an Adagrad optimizer.</summary>
    public Adagrad(double learningRate = 0.001, double initialAccumulatorValue = 0.1, double epsilon = 1e-7, double weightDecay = 0)
        : base(learningRate, weightDecay)
    {
        InitialAccumulatorValue = Hyperparameters.NonNegative(initialAccumulatorValue, nameof(initialAccumulatorValue));
        Epsilon = Hyperparameters.Positive(epsilon, nameof(epsilon));
    }

    /// <summary>Starting value of the squared-gradient sums.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Numerical-stability term.</summary>
    public double Epsilon { get; }

    /// <inheritdoc />
    public override optim.Optimizer Create(IEnumerable<Parameter> parameters) =>
        optim.Adagrad(parameters, LearningRate, initial_accumulator_value: InitialAccumulatorValue, eps: Epsilon);
}
