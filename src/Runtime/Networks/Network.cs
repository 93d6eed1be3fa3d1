using System;
using System.Collections.Generic;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen;

// The base classes of generated networks, one per number of inputs, mirroring TorchSharp's
// nn.Module<T, TResult> ... nn.Module<T1, ..., T6, TResult>: a network with one input and one
// output is an ordinary Module<Tensor, Tensor>, usable wherever TorchSharp takes one (Sequential,
// hooks, save/load). Everything they share lives in NetworkCore and in the runtime's extension
// methods on INetwork (Fit, Evaluate, Predict, Summary, SaveWeights...), so each class only
// adapts its typed forward/call to the runtime's list of inputs and outputs.

/// <summary>
/// Base class of a generated network with one input: a TorchSharp <c>Module&lt;T, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T">The type of the network's input (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T, TResult> : nn.Module<T, TResult>, INetwork
    where T : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 1);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T)inputs[0]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Base class of a generated network with two inputs: a TorchSharp <c>Module&lt;T1, T2, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T1">The type of the network's input 1 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T2">The type of the network's input 2 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T1, T2, TResult> : nn.Module<T1, T2, TResult>, INetwork
    where T1 : Tensor
    where T2 : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 2);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T1)inputs[0], (T2)inputs[1]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Base class of a generated network with three inputs: a TorchSharp <c>Module&lt;T1, T2, T3, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T1">The type of the network's input 1 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T2">The type of the network's input 2 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T3">The type of the network's input 3 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T1, T2, T3, TResult> : nn.Module<T1, T2, T3, TResult>, INetwork
    where T1 : Tensor
    where T2 : Tensor
    where T3 : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 3);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T1)inputs[0], (T2)inputs[1], (T3)inputs[2]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Base class of a generated network with four inputs: a TorchSharp <c>Module&lt;T1, T2, T3, T4, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T1">The type of the network's input 1 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T2">The type of the network's input 2 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T3">The type of the network's input 3 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T4">The type of the network's input 4 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T1, T2, T3, T4, TResult> : nn.Module<T1, T2, T3, T4, TResult>, INetwork
    where T1 : Tensor
    where T2 : Tensor
    where T3 : Tensor
    where T4 : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 4);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T1)inputs[0], (T2)inputs[1], (T3)inputs[2], (T4)inputs[3]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Base class of a generated network with five inputs: a TorchSharp <c>Module&lt;T1, T2, T3, T4, T5, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T1">The type of the network's input 1 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T2">The type of the network's input 2 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T3">The type of the network's input 3 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T4">The type of the network's input 4 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T5">The type of the network's input 5 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T1, T2, T3, T4, T5, TResult> : nn.Module<T1, T2, T3, T4, T5, TResult>, INetwork
    where T1 : Tensor
    where T2 : Tensor
    where T3 : Tensor
    where T4 : Tensor
    where T5 : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 5);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T1)inputs[0], (T2)inputs[1], (T3)inputs[2], (T4)inputs[3], (T5)inputs[4]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Base class of a generated network with six inputs: a TorchSharp <c>Module&lt;T1, T2, T3, T4, T5, T6, TResult&gt;</c>
/// with NetGen's runtime (<c>Fit</c>, <c>Evaluate</c>, <c>Predict</c>, <c>Summary</c>, ...).
/// </summary>
/// <typeparam name="T1">The type of the network's input 1 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T2">The type of the network's input 2 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T3">The type of the network's input 3 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T4">The type of the network's input 4 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T5">The type of the network's input 5 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="T6">The type of the network's input 6 (<see cref="Tensor"/>).</typeparam>
/// <typeparam name="TResult">A tensor, or the generated <c>Outputs</c> record of a network with several outputs.</typeparam>
public abstract class Network<T1, T2, T3, T4, T5, T6, TResult> : nn.Module<T1, T2, T3, T4, T5, T6, TResult>, INetwork
    where T1 : Tensor
    where T2 : Tensor
    where T3 : Tensor
    where T4 : Tensor
    where T5 : Tensor
    where T6 : Tensor
{
    private readonly NetworkCore _core;

    /// <summary>Called by generated constructors.</summary>
    /// <param name="name">The module's name.</param>
    /// <param name="description">What the generator knows about the network.</param>
    /// <param name="compileOptions">Creates the declared compile options when training first needs them.</param>
    protected Network(string name, NetworkDescription description, Func<CompileOptions> compileOptions)
        : base(name) => _core = new NetworkCore(this, description, compileOptions, inputCount: 6);

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <inheritdoc />
    public CompileOptions CompileOptions => _core.CompileOptions;

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    Tensor[] INetwork.Run(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return NetworkCore.ToArray(call((T1)inputs[0], (T2)inputs[1], (T3)inputs[2], (T4)inputs[3], (T5)inputs[4], (T6)inputs[5]));
    }

    Tensor[] INetwork.RunLogits(IReadOnlyList<Tensor> inputs)
    {
        _core.CheckInputCount(inputs);
        return _core.HasLogitOutputs ? ForwardLogits(inputs) : ((INetwork)this).Run(inputs);
    }

    /// <inheritdoc />
    public virtual void TrainStep(Batch batch, StepContext step) => step.DefaultTrainStep(batch);

    /// <inheritdoc />
    public virtual void TestStep(Batch batch, StepContext step) => step.DefaultTestStep(batch);

    /// <summary>
    /// Runs the layers with each sigmoid or softmax output left before its activation (see
    /// <see cref="INetwork.RunLogits"/>). Generated networks override it when an output has one.
    /// </summary>
    protected virtual Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => throw _core.NoLogits();

    /// <summary>
    /// Sets the training mode; the batch normalizations of frozen layers stay in inference mode
    /// (Keras's semantics for a frozen BatchNormalization).
    /// </summary>
    public override void train(bool train = true)
    {
        base.train(train);

        // Null while TorchSharp's constructor runs, before the core exists.
        _core?.KeepFrozenNormalizationsInInferenceMode();
    }

    /// <summary>Disposes the optimizer state with the parameters.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();
        }

        base.Dispose(disposing);
    }
}
