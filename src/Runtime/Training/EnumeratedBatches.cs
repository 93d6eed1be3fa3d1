using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Training;

/// <summary>
/// Batches the caller enumerates (an <c>IEnumerable&lt;Batch&gt;</c>, a TorchSharp <c>DataLoader</c>
/// through <c>AsBatches</c>), enumerated once per epoch; each is resolved by name or position,
/// checked and moved to the network's device as it arrives, its sample weights too.
/// </summary>
internal sealed class EnumeratedBatches : BatchSource
{
    private readonly INetwork _network;
    private readonly Placement _placement;
    private readonly IEnumerable<Batch> _batches;
    private readonly bool _needsTargets;
    private readonly string _parameter;

    public EnumeratedBatches(INetwork network, Placement placement, IEnumerable<Batch> batches, bool needsTargets, string parameter)
    {
        _network = network;
        _placement = placement;
        _batches = batches;
        _needsTargets = needsTargets;
        _parameter = parameter;
    }

    /// <inheritdoc />
    /// <remarks>A read-only collection (an image folder's batches) counts too: LINQ's non-enumerated count sees only mutable collections.</remarks>
    public override int? BatchCount => _batches switch
    {
        IReadOnlyCollection<Batch> known => known.Count,
        _ => _batches.TryGetNonEnumeratedCount(out var count) ? count : null,
    };

    /// <inheritdoc />
    public override IEnumerable<Func<Batch>> Batches(int epoch)
    {
        var index = 0;
        foreach (var raw in _batches)
        {
            if (raw is null)
            {
                throw new ArgumentException($"Batch {index} of epoch {epoch + 1} is null.", _parameter);
            }

            var number = index;
            yield return () =>
            {
                var batch = raw.Resolve(_network.Description, _needsTargets);
                if (batch.Size == 0)
                {
                    throw new ArgumentException($"Batch {number} of epoch {epoch + 1} has no samples.", _parameter);
                }

                _placement.CheckInputs(batch.Inputs, _parameter);
                var weights = batch.SampleWeights is { } given
                    ? SampleWeights.Place(given, batch.Size, _placement, _parameter, $"Batch {number} of epoch {epoch + 1}: SampleWeights")
                    : null;
                return batch.Select(_placement.Input, _placement.Target, weights);
            };
            index++;
        }

        if (index == 0)
        {
            throw new ArgumentException($"The batches for {_network.Description.Name} were empty in epoch {epoch + 1}; a batch source must yield batches every time it is enumerated.", _parameter);
        }
    }
}
