using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Optimizers;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// Base class of every generated network: an ordinary TorchSharp module with the Keras-style
/// conveniences (<c>Compile</c>, <c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>).
/// </summary>
/// <remarks>
/// Generated classes pass their compile-time <see cref="NetworkDescription"/> and declared
/// compile configuration to the constructor; everything else here works from those and from
/// the module's live parameters.
/// </remarks>
public abstract partial class Network : nn.Module<Tensor, Tensor>
{
    /// <summary>Called by generated constructors.</summary>
    protected Network(string name, NetworkDescription description, CompileOptions compileOptions)
        : base(name)
    {
        Description = description ?? throw new ArgumentNullException(nameof(description));
        CompileOptions = compileOptions ?? throw new ArgumentNullException(nameof(compileOptions));
    }

    /// <summary>Layers, shapes and parameter counts known at compile time.</summary>
    public NetworkDescription Description { get; }

    /// <summary>The loss, metrics and optimizer training uses.</summary>
    public CompileOptions CompileOptions { get; private set; }

    /// <summary>
    /// Replaces parts of the compile configuration, as Keras's <c>compile</c> does; arguments
    /// left <see langword="null"/> keep their current value. A new optimizer starts from a fresh state.
    /// </summary>
    public void Compile(Optimizer? optimizer = null, Loss? loss = null, IEnumerable<Metric>? metrics = null)
    {
        var updated = CompileOptions;
        if (optimizer is not null)
        {
            updated = updated with { Optimizer = optimizer };
            OnOptimizerChanged();
        }

        if (loss is { } newLoss)
        {
            updated = updated with { Loss = newLoss };
        }

        if (metrics is not null)
        {
            updated = updated with { Metrics = metrics.ToArray() };
        }

        CompileOptions = updated;
    }

    /// <summary>The device holding the network's parameters.</summary>
    public Device Device => parameters().FirstOrDefault()?.device ?? CPU;

    partial void OnOptimizerChanged();
}
