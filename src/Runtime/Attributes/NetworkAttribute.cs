using System;

namespace NetGen;

/// <summary>
/// Marks a <c>partial</c> class as a network. NetGen generates a TorchSharp module from the
/// class: its layer members become registered sub-modules and a typed <c>forward</c> is written.
/// </summary>
/// <remarks>
/// The compile configuration (loss, metrics, default optimizer) declared here is what
/// <c>Network.Fit</c> uses unless <c>Compile</c> replaces it at run time.
/// </remarks>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class NetworkAttribute : Attribute
{
    /// <summary>The loss minimised by <c>Network.Fit</c>.</summary>
    public Loss Loss { get; set; }

    /// <summary>Metrics reported per epoch and by <c>Network.Evaluate</c>, in this order.</summary>
    public Metric[] Metrics { get; set; } = [];

    /// <summary>The default optimizer. Its hyperparameters are set with <see cref="OptimizerAttribute"/>.</summary>
    public OptimizerKind Optimizer { get; set; } = OptimizerKind.Adam;

    /// <summary>The default learning rate; when not set, the optimizer's own Keras default is used.</summary>
    public double LearningRate { get; set; } = double.NaN;
}
