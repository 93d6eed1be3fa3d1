using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.optim;

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

    // Layers frozen through NetGen (Keras's trainable = False), by member name. Their parameters
    // do not require gradients, and the batch normalizations inside them run in inference mode
    // whatever the network's mode (see KeepFrozenNormalizationsInInferenceMode).
    private readonly HashSet<string> _frozen = new(StringComparer.Ordinal);

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

    /// <summary>
    /// The networks a composite network (a GAN) trains, each with its own compile options and
    /// optimizer; empty for an ordinary network. A composite has no optimizer of its own: its step
    /// reaches each part's through <see cref="Training.StepContext.OptimizerOf"/>.
    /// </summary>
    public IReadOnlyList<INetwork> Parts { get; init; } = [];

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
        if (Parts.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Description.Name} trains each of its parts ({string.Join(", ", Parts.Select(static p => p.Description.Name))}) with its own compile options: compile the parts.");
        }

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
        if (Parts.Count > 0)
        {
            throw new InvalidOperationException(
                $"{Description.Name} has no optimizer of its own: each of its parts ({string.Join(", ", Parts.Select(static p => p.Description.Name))}) trains with its own; use StepContext.OptimizerOf(part).");
        }

        var current = _module.parameters().Select(static p => (p, p.requires_grad)).ToArray();
        if (_optimizer is null || _optimized is null || !SameParameters(current, _optimized))
        {
            var trainable = current.Where(static p => p.requires_grad).Select(static p => p.p).ToList();
            if (trainable.Count == 0)
            {
                throw new InvalidOperationException($"{Description.Name} has no trainable parameters: every layer is frozen.");
            }

            var created = description.Create(trainable);
            if (_optimizer is not null && _optimized is not null)
            {
                CarryOver(_optimizer, _optimized.Where(static p => p.Trainable).Select(static p => p.Parameter).ToList(), created, trainable);
            }

            ResetOptimizer();
            _optimizer = created;
            _optimized = current;
        }

        return _optimizer;
    }

    /// <summary>
    /// The loss terms <c>forward</c> hands over while a training or evaluation step collects them
    /// (<see cref="LossTerms"/>), or null when nothing collects them (<c>Predict</c>, a user's own call).
    /// Steps hold the network's lock, so one collection is active at a time.
    /// </summary>
    public List<(string Name, Tensor Value)>? CollectedLossTerms { get; set; }

    /// <summary>The member names of the layers, in registration order.</summary>
    public IReadOnlyList<string> LayerNames => Description.Layers.Select(static layer => layer.Name).ToList();

    /// <summary>The module registered under a layer's member name.</summary>
    /// <exception cref="ArgumentException">No layer has that name; the message lists the layers.</exception>
    public nn.Module LayerModule(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (Description.Layers.Any(layer => layer.Name == name)
            && _module.named_children().FirstOrDefault(child => child.name == name).module is { } module)
        {
            return module;
        }

        throw new ArgumentException($"{Description.Name} has no layer '{name}'; its layers are {Quoted(LayerNames)}.", nameof(name));
    }

    /// <summary>The member name of a layer's module.</summary>
    /// <exception cref="ArgumentException">The module is not a layer of this network; the message lists the layers.</exception>
    public string LayerName(nn.Module layer)
    {
        ArgumentNullException.ThrowIfNull(layer);
        foreach (var (name, module) in _module.named_children())
        {
            if (ReferenceEquals(module, layer) && Description.Layers.Any(l => l.Name == name))
            {
                return name;
            }
        }

        throw new ArgumentException($"The {layer.GetType().Name} given is not a layer of {Description.Name} (its layers are {Quoted(LayerNames)}); pass one of its layer properties, such as network.{Description.Layers[0].Name}.", nameof(layer));
    }

    /// <summary>Whether the layer is frozen (its declared or run-time <c>Trainable</c> is false).</summary>
    public bool IsFrozen(string name)
    {
        lock (Gate)
        {
            return _frozen.Contains(name);
        }
    }

    /// <summary>
    /// Freezes or unfreezes layers by member name: their parameters' <c>requires_grad</c>, and the
    /// mode of the batch normalizations in them. The next <c>Fit</c> creates the optimizer over
    /// what is then trainable. Refused while <c>Fit</c> runs: a step half-way through would
    /// otherwise see some parameters frozen and the optimizer still holding them.
    /// </summary>
    public void SetTrainable(IReadOnlyList<string> names, bool trainable)
    {
        var modules = names.Select(name => (name, module: LayerModule(name))).ToList();
        lock (Gate)
        {
            if (_training)
            {
                throw new InvalidOperationException(
                    $"{Description.Name} is being trained: freeze or unfreeze layers before Fit or after it returns, not from a callback or another thread while it runs.");
            }

            foreach (var (name, module) in modules)
            {
                foreach (var parameter in module.parameters())
                {
                    parameter.requires_grad = trainable;
                }

                if (trainable)
                {
                    _frozen.Remove(name);
                }
                else
                {
                    _frozen.Add(name);
                }

                foreach (var normalization in Normalizations(module))
                {
                    normalization.train(trainable && _module.training);
                }
            }
        }
    }

    /// <summary>
    /// Called after the network's mode is set: a frozen layer's batch normalization normalizes
    /// with its moving statistics and leaves them unchanged, as Keras runs a frozen
    /// BatchNormalization layer (Keras 2.1.3 and later).
    /// </summary>
    public void KeepFrozenNormalizationsInInferenceMode()
    {
        lock (Gate)
        {
            if (_frozen.Count == 0 || !_module.training)
            {
                return;
            }

            foreach (var (name, module) in _module.named_children())
            {
                if (_frozen.Contains(name))
                {
                    foreach (var normalization in Normalizations(module))
                    {
                        normalization.eval();
                    }
                }
            }
        }
    }

    /// <summary>Whether the rank-4 parameters and inputs are laid out channels-last (see <see cref="NetworkMemoryFormat.UseChannelsLast"/>).</summary>
    public bool ChannelsLast { get; private set; }

    /// <summary>
    /// Lays the rank-4 parameters out channels-last or channels-first, in place. Under the lock, so
    /// no inference call runs half in one layout; refused while <c>Fit</c> runs, whose placed data
    /// was laid out for the layout it started with.
    /// </summary>
    public void SetChannelsLast(bool enable)
    {
        lock (Gate)
        {
            if (_training)
            {
                throw new InvalidOperationException(
                    $"{Description.Name} is being trained: switch its memory format before Fit or after it returns, not from a callback or another thread while it runs.");
            }

            NetworkMemoryFormat.Apply(_module, enable);
            ChannelsLast = enable;
        }
    }

    /// <summary>
    /// Runs <paramref name="action"/> with the rank-4 parameters channels-first, then lays them out
    /// as before: TorchSharp's weight writers copy a tensor's memory as it lies and refuse any other
    /// layout, and files keep the ordinary one.
    /// </summary>
    public void WithChannelsFirstParameters(Action action)
    {
        lock (Gate)
        {
            if (!ChannelsLast)
            {
                action();
                return;
            }

            NetworkMemoryFormat.Apply(_module, channelsLast: false);
            try
            {
                action();
            }
            finally
            {
                NetworkMemoryFormat.Apply(_module, channelsLast: true);
            }
        }
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

        // The parts are being trained too: freezing one of them, or a second Fit on it, would
        // change the parameters its optimizer steps half-way through this one.
        var parts = new List<IDisposable>();
        try
        {
            foreach (var part in Parts)
            {
                parts.Add(part.Core.BeginTraining());
            }
        }
        catch
        {
            parts.ForEach(static scope => scope.Dispose());
            new TrainingScope(this, []).Dispose();
            throw;
        }

        return new TrainingScope(this, parts);
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

    /// <summary>
    /// Moves the state of the parameters trained before and after a change of what is trainable
    /// (momentum, moment estimates, step counts) and the current learning rate (a schedule's or
    /// ReduceLROnPlateau's) from the old optimizer to the new one, so freezing one layer does
    /// not restart the others' training. A parameter <c>to</c> replaced is a new parameter and
    /// starts afresh.
    /// </summary>
    private static void CarryOver(optim.Optimizer previous, List<Parameter> previousParameters, optim.Optimizer created, List<Parameter> parameters)
    {
        var rate = previous.ParamGroups.First().LearningRate;
        foreach (var group in created.ParamGroups)
        {
            group.LearningRate = rate;
        }

        // After Module.to the old parameters are disposed: nothing is carried, and their states cannot be read.
        var kept = parameters.Select(p => previousParameters.FindIndex(q => ReferenceEquals(p, q))).ToList();
        if (previous is not OptimizerHelper old || created is not OptimizerHelper fresh
            || kept.All(static index => index < 0) || previousParameters.Any(static p => p.IsInvalid))
        {
            return;
        }

        var oldStates = old.state_dict().State;
        var newStates = fresh.state_dict().State;
        if (oldStates.Count != previousParameters.Count || newStates.Count != parameters.Count)
        {
            return;
        }

        for (var i = 0; i < parameters.Count; i++)
        {
            var before = kept[i];

            // An SGD state before its first step has no momentum buffer to copy; the new one is as fresh.
            if (before >= 0 && oldStates[before] is not SGD.State { momentum_buffer: null })
            {
                newStates[i].LoadStateDict(oldStates[before]);
            }
        }
    }

    private static IEnumerable<nn.Module> Normalizations(nn.Module layer) =>
        new[] { layer }.Concat(layer.modules()).OfType<BatchNorm>().Distinct();

    private static string Quoted(IEnumerable<string> names) => string.Join(", ", names.Select(static n => "'" + n + "'"));

    private static bool SameParameters((Parameter Parameter, bool Trainable)[] left, (Parameter Parameter, bool Trainable)[] right) =>
        left.Length == right.Length
        && left.Zip(right).All(static pair => ReferenceEquals(pair.First.Parameter, pair.Second.Parameter) && pair.First.Trainable == pair.Second.Trainable);

    private sealed class TrainingScope(NetworkCore core, List<IDisposable> parts) : IDisposable
    {
        public void Dispose()
        {
            parts.ForEach(static scope => scope.Dispose());
            lock (core.Gate)
            {
                core._training = false;
            }
        }
    }
}
