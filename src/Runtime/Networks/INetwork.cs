using System;
using System.Collections.Generic;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// What NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, weights
/// I/O) needs from a network, whatever its number of inputs and outputs. Every generated network
/// implements it through its base class, <see cref="Network{T, TResult}"/> and its siblings.
/// </summary>
public interface INetwork : IDisposable
{
    /// <summary>Inputs, layers, shapes and parameter counts known at compile time.</summary>
    NetworkDescription Description { get; }

    /// <summary>The optimizer, and the loss and metrics of each output, that training uses.</summary>
    /// <exception cref="InvalidOperationException">The declared configuration is invalid (see the NG diagnostics) and <c>Compile</c> has not replaced it.</exception>
    CompileOptions CompileOptions { get; }

    /// <summary>The device holding the network's parameters (the CPU for a network without any).</summary>
    Device Device { get; }

    /// <summary>
    /// Runs the network on one tensor per input (<see cref="NetworkDescription.Inputs"/> order)
    /// through the module's <c>call</c>, so its hooks fire, and returns one tensor per output.
    /// </summary>
    Tensor[] Run(IReadOnlyList<Tensor> inputs);

    /// <summary>
    /// As <see cref="Run"/>, but each output whose <see cref="OutputDescription.Activation"/> is
    /// sigmoid or softmax is returned before that activation (as logits), so a cross-entropy can
    /// be computed from it without clipping. The layers are still called through <c>call</c>, so
    /// layer hooks fire; the network's own <c>forward</c> hooks do not, since its <c>forward</c>
    /// (which returns probabilities) is not what runs.
    /// </summary>
    Tensor[] RunLogits(IReadOnlyList<Tensor> inputs);

    /// <summary>
    /// One training step on a batch (Keras's <c>train_step</c>, Lightning's <c>training_step</c>).
    /// The default runs the network, computes the compiled losses, back-propagates, applies the
    /// optimizer and updates the metrics; override it in the network's class to train differently.
    /// </summary>
    void TrainStep(Batch batch, StepContext step);

    /// <summary>One evaluation step (Keras's <c>test_step</c>): the losses and metrics of a batch, without gradients.</summary>
    void TestStep(Batch batch, StepContext step);

    /// <summary>The runtime state behind the network (compile options, optimizer, locks).</summary>
    internal NetworkCore Core { get; }
}
