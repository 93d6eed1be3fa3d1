using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// The runtime state every network carries, whatever its base class: its description, compile
/// options, optimizer and the lock that keeps training steps and inference from switching the
/// module's training mode under each other.
/// </summary>
internal sealed class NetworkCore : IDisposable
{
    private readonly nn.Module _module;
    private readonly Func<CompileOptions> _createCompileOptions;
    private CompileOptions? _compileOptions;
    private optim.Optimizer? _optimizer;

    // The parameters _optimizer steps, with whether each was trainable when it was created.
    // Module.to(device or dtype) replaces every Parameter and freezing changes requires_grad;
    // either leaves the optimizer stepping the wrong tensors, so it is created again.
    private (Parameter Parameter, bool Trainable)[]? _optimized;
    private bool _training;

    public NetworkCore(nn.Module module, NetworkDescription description, Func<CompileOptions> compileOptions, int inputCount)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(compileOptions);
        if (description.Inputs.Count != inputCount)
        {
            throw new ArgumentException($"{description.Name} is described with {description.Inputs.Count} inputs but its base class takes {inputCount}.", nameof(description));
        }

        _module = module;
        Description = description;
        _createCompileOptions = compileOptions;
        HasLogitOutputs = description.Outputs.Any(static output => output.Activation is Activation.Sigmoid or Activation.Softmax);
    }

    public NetworkDescription Description { get; }

    /// <summary>Whether some output ends in a sigmoid or softmax that <c>RunLogits</c> leaves out.</summary>
    public bool HasLogitOutputs { get; }

    /// <summary>Held while a training step or an inference call runs; either may switch the training mode.</summary>
    public object Gate { get; } = new();

    public CompileOptions CompileOptions
    {
        get
        {
            lock (Gate)
            {
                // Not cached on failure: the declared configuration stays invalid until Compile replaces it.
                return _compileOptions ??= _createCompileOptions() ?? throw new InvalidOperationException($"{Description.Name} declared no compile options.");
            }
        }
    }

    public Device Device => _module.parameters().FirstOrDefault()?.device ?? CPU;

    public void SetCompileOptions(CompileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = Description.Outputs.Select(static output => output.Name).ToList();
        var given = options.Outputs.Select(static output => output.Name).ToList();
        if (!names.SequenceEqual(given))
        {
            throw new ArgumentException(
                $"{Description.Name}'s compile options must list its outputs {string.Join(", ", names)} in that order; they list {string.Join(", ", given)}.",
                nameof(options));
        }

        lock (Gate)
        {
            if (_compileOptions is null || !ReferenceEquals(_compileOptions.Optimizer, options.Optimizer))
            {
                ResetOptimizer();
            }

            _compileOptions = options;
        }
    }

    /// <summary>
    /// The TorchSharp optimizer over the trainable parameters, created on first use and kept
    /// across <c>Fit</c> calls so its state (momentum, moment estimates) carries on, as a Keras
    /// model's does. It is created again when the parameters or their trainability changed.
    /// </summary>
    public optim.Optimizer Optimizer(Optimizers.Optimizer description)
    {
        var current = _module.parameters().Select(static p => (p, p.requires_grad)).ToArray();
        if (_optimizer is null || _optimized is null || !SameParameters(current, _optimized))
        {
            ResetOptimizer();
            var trainable = current.Where(static p => p.requires_grad).Select(static p => p.p).ToList();
            if (trainable.Count == 0)
            {
                throw new InvalidOperationException($"{Description.Name} has no trainable parameters: every layer is frozen.");
            }

            _optimizer = description.Create(trainable);
            _optimized = current;
        }

        return _optimizer;
    }

    /// <summary>Marks a <c>Fit</c> as running; a second one on the same network at the same time would interleave their steps.</summary>
    public IDisposable BeginTraining()
    {
        lock (Gate)
        {
            if (_training)
            {
                throw new InvalidOperationException($"{Description.Name} is already being trained by another Fit call.");
            }

            _training = true;
        }

        return new TrainingScope(this);
    }

    public void CheckInputCount(IReadOnlyList<Tensor> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count != Description.Inputs.Count)
        {
            throw new ArgumentException($"{Description.Name} takes {Description.Inputs.Count} inputs ({string.Join(", ", Description.Inputs.Select(static i => i.Name))}); got {inputs.Count}.", nameof(inputs));
        }
    }

    public Exception NoLogits() => new NotSupportedException(
        $"{Description.Name} describes an output ending in sigmoid or softmax but does not override ForwardLogits; generated networks do.");

    /// <summary>A forward result as the list of outputs: a tensor, or a generated Outputs record.</summary>
    public static Tensor[] ToArray<TResult>(TResult result) => result switch
    {
        Tensor tensor => [tensor],
        INetworkOutputs outputs => outputs.ToArray(),
        null => throw new InvalidOperationException("forward returned null."),
        _ => throw new InvalidOperationException($"forward returned a {result.GetType().Name}, neither a tensor nor INetworkOutputs."),
    };

    public void Dispose()
    {
        lock (Gate)
        {
            ResetOptimizer();
        }
    }

    private void ResetOptimizer()
    {
        _optimizer?.Dispose();
        _optimizer = null;
        _optimized = null;
    }

    private static bool SameParameters((Parameter Parameter, bool Trainable)[] left, (Parameter Parameter, bool Trainable)[] right) =>
        left.Length == right.Length
        && left.Zip(right).All(static pair => ReferenceEquals(pair.First.Parameter, pair.Second.Parameter) && pair.First.Trainable == pair.Second.Trainable);

    private sealed class TrainingScope(NetworkCore core) : IDisposable
    {
        public void Dispose()
        {
            lock (core.Gate)
            {
                core._training = false;
            }
        }
    }
}
