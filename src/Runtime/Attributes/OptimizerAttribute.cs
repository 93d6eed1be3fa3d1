using System;

namespace NetGen;

/// <summary>
/// Hyperparameters of the default optimizer of a <see cref="NetworkAttribute">network</see>.
/// Unset values keep the optimizer's Keras default.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Creates the hyperparameters of <paramref name="kind"/>.</summary>
    public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>Step size.</summary>
    public double LearningRate { get; set; } = double.NaN;

    /// <summary>Momentum (SGD, RMSprop).</summary>
    public double Momentum { get; set; } = double.NaN;

    /// <summary>Nesterov momentum (SGD).</summary>
    public bool Nesterov { get; set; }

    /// <summary>Decoupled weight decay (AdamW) or L2 penalty (the others).</summary>
    public double WeightDecay { get; set; } = double.NaN;

    /// <summary>Exponential decay of the first moment (Adam, AdamW).</summary>
    public double Beta1 { get; set; } = double.NaN;

    /// <summary>Exponential decay of the second moment (Adam, AdamW).</summary>
    public double Beta2 { get; set; } = double.NaN;

    /// <summary>Decay of the squared-gradient average (RMSprop, Adadelta).</summary>
    public double Rho { get; set; } = double.NaN;

    /// <summary>Numerical-stability term.</summary>
    public double Epsilon { get; set; } = double.NaN;
}
