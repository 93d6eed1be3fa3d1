using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// One batch of samples: the inputs, one tensor per network input, and the targets, one per
/// output, each with the batch on its first axis. Give them in the network's input and output
/// order, or by name (input names and output layer names as keys of one dictionary, the way a
/// TorchSharp <c>DataLoader</c> collates them). A batch may carry one weight per sample, as the
/// third element of a Keras dataset's <c>(x, y, sample_weight)</c> does.
/// </summary>
/// <remarks>
/// <c>Fit</c> and <c>Evaluate</c> over batches weight every output's loss by a batch's
/// <see cref="SampleWeights"/> as the tensor overloads weight it by their <c>sampleWeight</c>, checking the
/// weights as each batch arrives: shape (batch) or (batch, 1), real, finite and not negative; a batch
/// with weights needs targets. In a source, some batches may have weights and others none (those weigh 1 each).
/// The batches <c>Fit</c> and <c>Evaluate</c> hand to <see cref="INetwork.TrainStep"/> and
/// <see cref="INetwork.TestStep"/> are in network order and already on the network's device, with
/// floating-point inputs in its dtype.
/// </remarks>
public sealed class Batch
{
    private readonly IReadOnlyDictionary<string, Tensor>? _named;
    private readonly NetworkDescription? _description;
    private readonly long? _size;

    /// <summary>A batch for a network with one input and one output; <paramref name="targets"/> may be null for prediction.</summary>
    /// <param name="inputs">The inputs, the batch on the first axis.</param>
    /// <param name="targets">The targets, or null for prediction.</param>
    /// <param name="sampleWeights">One weight per sample, shape (batch) or (batch, 1), or null: see <see cref="SampleWeights"/>.</param>
    public Batch(Tensor inputs, Tensor? targets = null, Tensor? sampleWeights = null)
        : this([inputs ?? throw new ArgumentNullException(nameof(inputs))], targets is null ? [] : [targets], sampleWeights)
    {
    }

    /// <summary>A batch in the network's input and output order; <paramref name="targets"/> may be empty for prediction.</summary>
    /// <param name="inputs">One tensor per network input, the batch on the first axis.</param>
    /// <param name="targets">One tensor per output, or none for prediction.</param>
    /// <param name="sampleWeights">One weight per sample, shape (batch) or (batch, 1), or null: see <see cref="SampleWeights"/>.</param>
    public Batch(IReadOnlyList<Tensor> inputs, IReadOnlyList<Tensor>? targets = null, Tensor? sampleWeights = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count == 0 || inputs.Any(static tensor => tensor is null))
        {
            throw new ArgumentException("A batch needs one non-null tensor per network input.", nameof(inputs));
        }

        targets ??= [];
        if (targets.Any(static tensor => tensor is null))
        {
            throw new ArgumentException("A batch's targets must not contain null.", nameof(targets));
        }

        Inputs = inputs.ToArray();
        Targets = targets.ToArray();
        SampleWeights = sampleWeights;
    }

    /// <summary>A batch by name: the keys are the network's input names and output names (targets are optional for prediction).</summary>
    /// <param name="values">The tensors by input and output name, the batch on each one's first axis.</param>
    /// <param name="sampleWeights">One weight per sample, shape (batch) or (batch, 1), or null: see <see cref="SampleWeights"/>.</param>
    public Batch(IReadOnlyDictionary<string, Tensor> values, Tensor? sampleWeights = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("A batch needs at least one tensor.", nameof(values));
        }

        _named = values;
        Inputs = [];
        Targets = [];
        SampleWeights = sampleWeights;
    }

    private Batch(Tensor[] inputs, Tensor[] targets, NetworkDescription description, long? size = null, Tensor? sampleWeights = null)
    {
        Inputs = inputs;
        Targets = targets;
        _description = description;
        _size = size;
        SampleWeights = sampleWeights;
    }

    /// <summary>The inputs in the network's input order (empty for a batch given by name and not yet resolved).</summary>
    public IReadOnlyList<Tensor> Inputs { get; }

    /// <summary>The targets in the network's output order; empty when there are none.</summary>
    public IReadOnlyList<Tensor> Targets { get; }

    /// <summary>
    /// One weight per sample (Keras's <c>sample_weight</c>), or null. On a batch handed to a step: shape (batch),
    /// in the network's floating-point type, from the batch source's own batches or from <c>Fit</c>'s and
    /// <c>Evaluate</c>'s sample or class weights. <see cref="StepContext.ComputeLoss"/> weights each output's
    /// loss by them (the weighted sum over the number of samples); loss terms and metrics stay unweighted.
    /// </summary>
    public Tensor? SampleWeights { get; }

    /// <summary>Number of samples: the first dimension of the first input.</summary>
    public long Size => _size ?? (Inputs.Count > 0 ? Inputs[0] : _named!.Values.First()).shape[0];

    /// <summary>The input named <paramref name="name"/> of a resolved batch.</summary>
    public Tensor Input(string name) => Inputs[IndexOf(_description?.Inputs.Select(static i => i.Name), name, "input")];

    /// <summary>The target of the output named <paramref name="name"/> of a resolved batch.</summary>
    public Tensor Target(string name) => Targets[IndexOf(_description?.Outputs.Select(static o => o.Name), name, "output")];

    /// <summary>
    /// A batch of <paramref name="size"/> samples cut from tensors that were checked as a whole
    /// (<see cref="TensorBatches"/>): already in <paramref name="description"/>'s order, on the
    /// network's device and of one length, so nothing is checked again per batch.
    /// </summary>
    internal static Batch Resolved(Tensor[] inputs, Tensor[] targets, Tensor? sampleWeights, NetworkDescription description, long size) =>
        new(inputs, targets, description, size, sampleWeights);

    /// <summary>
    /// The batch in <paramref name="description"/>'s order: named values picked by input and output
    /// name, positional ones checked for count. Tensors are not moved.
    /// </summary>
    internal Batch Resolve(NetworkDescription description, bool needsTargets)
    {
        Tensor[] inputs;
        Tensor[] targets;
        if (_named is { } named)
        {
            var missing = description.Inputs.Select(static i => i.Name).Where(name => !named.ContainsKey(name)).ToList();
            if (missing.Count > 0)
            {
                throw new ArgumentException($"A batch for {description.Name} has no tensor for input {Quote(missing)}; its keys are {Quote(named.Keys)}.");
            }

            var known = description.Inputs.Select(static i => i.Name).Concat(description.Outputs.Select(static o => o.Name)).ToHashSet(StringComparer.Ordinal);
            var unknown = named.Keys.Where(key => !known.Contains(key)).ToList();
            if (unknown.Count > 0)
            {
                throw new ArgumentException($"A batch for {description.Name} has {Quote(unknown)}, which is neither an input ({Quote(description.Inputs.Select(static i => i.Name))}) nor an output ({Quote(description.Outputs.Select(static o => o.Name))}).");
            }

            inputs = description.Inputs.Select(input => named[input.Name]).ToArray();
            var outputs = description.Outputs.Where(output => named.ContainsKey(output.Name)).ToList();
            targets = outputs.Count == 0 ? [] : description.Outputs.Select(output => named.TryGetValue(output.Name, out var target)
                ? target
                : throw new ArgumentException($"A batch for {description.Name} has targets for {Quote(outputs.Select(static o => o.Name))} but none for output '{output.Name}'.")).ToArray();
        }
        else
        {
            if (Inputs.Count != description.Inputs.Count)
            {
                throw new ArgumentException($"{description.Name} takes {description.Inputs.Count} inputs ({Quote(description.Inputs.Select(static i => i.Name))}); the batch has {Inputs.Count}.");
            }

            if (Targets.Count != 0 && Targets.Count != description.Outputs.Count)
            {
                throw new ArgumentException($"{description.Name} has {description.Outputs.Count} outputs ({Quote(description.Outputs.Select(static o => o.Name))}); the batch has {Targets.Count} targets.");
            }

            inputs = Inputs.ToArray();
            targets = Targets.ToArray();
        }

        if (needsTargets && targets.Length == 0)
        {
            throw new ArgumentException($"Training and evaluating {description.Name} need targets for {Quote(description.Outputs.Select(static o => o.Name))}; the batch has none.");
        }

        // Weights scale the outputs' losses, which need targets: without them nothing would use the weights.
        if (SampleWeights is not null && targets.Length == 0)
        {
            throw new ArgumentException($"A batch for {description.Name} has SampleWeights but no targets; sample weights weight the losses of the outputs {Quote(description.Outputs.Select(static o => o.Name))}, which need targets.");
        }

        var tensors = inputs.Zip(description.Inputs.Select(static i => i.Name)).Concat(targets.Zip(description.Outputs.Select(static o => o.Name))).ToList();
        foreach (var (tensor, name) in tensors)
        {
            if (tensor.dim() == 0)
            {
                throw new ArgumentException($"A batch for {description.Name} has a scalar for '{name}'; every tensor of a batch needs its samples on the first axis.");
            }
        }

        var size = inputs[0].size(0);
        foreach (var (tensor, name) in tensors)
        {
            if (tensor.size(0) != size)
            {
                throw new ArgumentException(
                    $"Every tensor of a batch needs the same number of samples on its first axis; '{description.Inputs[0].Name}' has {Shape.Format(inputs[0].shape)} and '{name}' has {Shape.Format(tensor.shape)}.");
            }
        }

        return new Batch(inputs, targets, description, sampleWeights: SampleWeights);
    }

    /// <summary>
    /// The batch with every input and target replaced by the maps' results (same order and description)
    /// and with <paramref name="sampleWeights"/> (already checked and placed) as its weights.
    /// </summary>
    internal Batch Select(Func<Tensor, int, Tensor> inputMap, Func<Tensor, Tensor> targetMap, Tensor? sampleWeights) =>
        new(Inputs.Select(inputMap).ToArray(), Targets.Select(targetMap).ToArray(), _description!, sampleWeights: sampleWeights);

    private static int IndexOf(IEnumerable<string>? names, string name, string kind)
    {
        if (names is null)
        {
            throw new InvalidOperationException("Only batches handed to a training or evaluation step can be read by name.");
        }

        var list = names.ToList();
        var index = list.IndexOf(name);
        return index >= 0 ? index : throw new KeyNotFoundException($"There is no {kind} '{name}'; the {kind}s are {Quote(list)}.");
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(static n => "'" + n + "'"));
}
