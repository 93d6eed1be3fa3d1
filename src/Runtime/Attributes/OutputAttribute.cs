using System;

namespace NetGen;

/// <summary>
/// Marks a layer as an output of its network. Without any <c>[Output]</c>, the last declared
/// layer is the output; with several, <c>forward</c> returns them all, in declaration order, as a
/// generated <c>Outputs</c> record, and <c>Fit</c> takes one target per output, by the layer's name.
/// </summary>
/// <remarks>
/// The loss and metrics declared on <see cref="NetworkAttribute"/> apply to every output that
/// does not set its own, as Keras applies one loss to every output.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class OutputAttribute : Attribute
{
    /// <summary>This output's loss; the network's loss when not set.</summary>
    public Loss Loss { get; set; }

    /// <summary>The weight of this output's loss in the total (Keras's <c>loss_weights</c>).</summary>
    public double LossWeight { get; set; } = 1.0;

    /// <summary>This output's metrics; the network's metrics when not set.</summary>
    public Metric[] Metrics { get; set; } = [];
}
