using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// Batches cut from tensors in memory (one per input and per output, one row per sample). The
/// tensors move to the network's device and floating-point type once, not per batch; shuffled
/// epochs gather rows through a permutation drawn from a seeded SplitMix64 stream, unshuffled
/// ones take zero-copy slices.
/// </summary>
internal sealed class TensorBatches : BatchSource, IDisposable
{
    private readonly NetworkDescription _description;
    private readonly Tensor[] _inputs;
    private readonly Tensor[] _targets;
    private readonly List<Tensor> _owned = new();
    private readonly int _batchSize;
    private readonly SeededShuffle? _shuffle;
    private readonly Device _device;

    // One weight per sample, or null: unweighted batches cost nothing extra.
    private Tensor? _weights;

    // Permutations drawn from _shuffle so far: epoch e trains on the (e+1)-th, so a Fit resumed at
    // initialEpoch shuffles as the uninterrupted run did.
    private int _shuffledEpochs;

    private TensorBatches(NetworkDescription description, Tensor[] inputs, Tensor[] targets, Tensor? weights, int batchSize, SeededShuffle? shuffle, Device device, List<Tensor> owned)
    {
        _description = description;
        _inputs = inputs;
        _targets = targets;
        _weights = weights;
        _batchSize = batchSize;
        _shuffle = shuffle;
        _device = device;
        _owned = owned;
        Count = inputs[0].size(0);
    }

    /// <summary>Samples in the source.</summary>
    public long Count { get; }

    /// <inheritdoc />
    public override int? BatchCount => (int)((Count + _batchSize - 1) / _batchSize);

    /// <summary>
    /// Checks and places the data: every tensor has the same number of samples (at least one),
    /// inputs fit the declared shapes and element types, and <paramref name="sampleWeights"/>, when
    /// given, hold one finite, non-negative weight per sample.
    /// </summary>
    public static TensorBatches Create(
        INetwork network,
        Placement placement,
        IReadOnlyList<Tensor> inputs,
        IReadOnlyList<Tensor> targets,
        int batchSize,
        SeededShuffle? shuffle,
        string parameter,
        Tensor? sampleWeights = null,
        string sampleWeightsParameter = "sampleWeight")
    {
        var description = network.Description;
        var tensors = inputs.Zip(description.Inputs.Select(static i => i.Name)).Concat(targets.Zip(description.Outputs.Select(static o => o.Name))).ToList();
        foreach (var (tensor, name) in tensors)
        {
            if (tensor.dim() == 0)
            {
                throw new ArgumentException($"'{name}' is a scalar; every input and target needs one row per sample.", parameter);
            }
        }

        // size(0), not shape[0]: a whole shape is read through a native callback (about 0.8 us each).
        var rows = inputs[0].size(0);
        foreach (var (tensor, name) in tensors)
        {
            if (tensor.size(0) != rows)
            {
                throw new ArgumentException(
                    $"Every input and target needs one row per sample; '{description.Inputs[0].Name}' is {Shape.Format(inputs[0].shape)} and '{name}' is {Shape.Format(tensor.shape)}.",
                    parameter);
            }
        }

        if (rows == 0)
        {
            throw new ArgumentException($"The data for {description.Name} has no samples.", parameter);
        }

        placement.CheckInputs(inputs, parameter);
        var owned = new List<Tensor>();
        Tensor Keep(Tensor original, Tensor placed)
        {
            if (!ReferenceEquals(original, placed))
            {
                placed = placed.DetachFromDisposeScope();
                owned.Add(placed);
            }

            return placed;
        }

        var placedInputs = inputs.Select((tensor, i) => Keep(tensor, placement.Input(tensor, i))).ToArray();
        var placedTargets = targets.Select(tensor => Keep(tensor, placement.Target(tensor))).ToArray();
        var placedWeights = sampleWeights is null ? null : Keep(sampleWeights, SampleWeights.Place(sampleWeights, rows, placement, sampleWeightsParameter));
        return new TensorBatches(description, placedInputs, placedTargets, placedWeights, batchSize, shuffle, placement.Device, owned);
    }

    /// <summary>
    /// Weights every sample by its class (<see cref="SampleWeights.FromClasses"/>), from the
    /// targets of the one output; called on the training part only, as Keras weights by class
    /// only the data it trains on.
    /// </summary>
    public void WeightByClass(IReadOnlyDictionary<int, double> classWeight, Placement placement)
    {
        var weights = SampleWeights.FromClasses(_targets[0], classWeight, placement).DetachFromDisposeScope();
        _owned.Add(weights);
        _weights = weights;
    }

    /// <summary>
    /// Splits off the last <paramref name="fraction"/> of the samples, before any shuffling, as
    /// Keras's <c>validation_split</c> does (sample weights go with their rows): this source keeps the first part.
    /// </summary>
    public (TensorBatches Training, TensorBatches Validation) Split(double fraction)
    {
        var training = (long)Math.Floor(Count * (1 - fraction));
        if (training < 1 || training >= Count)
        {
            throw new ArgumentException(
                FormattableString.Invariant($"A validation split of {fraction} of {Count} samples leaves no training or no validation samples."),
                "validationSplit");
        }

        TensorBatches Slice(long start, long length, SeededShuffle? shuffle) => new(
            _description,
            _inputs.Select(t => t.narrow(0, start, length).DetachFromDisposeScope()).ToArray(),
            _targets.Select(t => t.narrow(0, start, length).DetachFromDisposeScope()).ToArray(),
            _weights?.narrow(0, start, length).DetachFromDisposeScope(),
            _batchSize,
            shuffle,
            _device,
            new List<Tensor>());

        var first = Slice(0, training, _shuffle);
        var second = Slice(training, Count - training, null);
        first._owned.AddRange(first._inputs.Concat(first._targets));
        second._owned.AddRange(second._inputs.Concat(second._targets));
        if (_weights is not null)
        {
            first._owned.Add(first._weights!);
            second._owned.Add(second._weights!);
        }

        return (first, second);
    }

    /// <inheritdoc />
    public override IEnumerable<Func<Batch>> Batches(int epoch)
    {
        if (_shuffle is null)
        {
            for (long start = 0; start < Count; start += _batchSize)
            {
                var (first, length) = (start, Math.Min(_batchSize, Count - start));
                yield return () => Batch.Resolved(Slice(_inputs, first, length), Slice(_targets, first, length), _weights?.narrow(0, first, length), _description, length);
            }

            yield break;
        }

        var order = new long[Count];
        for (; _shuffledEpochs < epoch; _shuffledEpochs++)
        {
            // The epochs before a resumed Fit's first: a Fisher-Yates shuffle draws the same
            // numbers for any array of the same length, so these skip exactly what they used.
            _shuffle.Shuffle(order);
        }

        for (var i = 0L; i < Count; i++)
        {
            order[i] = i;
        }

        _shuffle.Shuffle(order);
        _shuffledEpochs++;
        using var permutation = tensor(order, device: _device).DetachFromDisposeScope();
        for (long start = 0; start < Count; start += _batchSize)
        {
            var (first, length) = (start, Math.Min(_batchSize, Count - start));
            yield return () =>
            {
                var rows = permutation.narrow(0, first, length);
                return Batch.Resolved(Gather(_inputs, rows), Gather(_targets, rows), _weights?.index_select(0, rows), _description, length);
            };
        }
    }

    private static Tensor[] Slice(Tensor[] tensors, long start, long length)
    {
        var slices = new Tensor[tensors.Length];
        for (var i = 0; i < tensors.Length; i++)
        {
            slices[i] = tensors[i].narrow(0, start, length);
        }

        return slices;
    }

    private static Tensor[] Gather(Tensor[] tensors, Tensor rows)
    {
        var gathered = new Tensor[tensors.Length];
        for (var i = 0; i < tensors.Length; i++)
        {
            gathered[i] = tensors[i].index_select(0, rows);
        }

        return gathered;
    }

    /// <summary>Releases the copies and slices this source made (never the caller's tensors).</summary>
    public void Dispose()
    {
        _owned.ForEach(static tensor => tensor.Dispose());
        _owned.Clear();
    }
}
