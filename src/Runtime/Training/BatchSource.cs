using System;
using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>Where the batches of one epoch come from: tensors in memory, or batches the caller enumerates.</summary>
internal abstract class BatchSource
{
    /// <summary>Batches per epoch, when known in advance (for the progress line).</summary>
    public abstract int? BatchCount { get; }

    /// <summary>
    /// The batches of one epoch, in network order, on the network's device and checked against its
    /// inputs. Each element cuts (and places) its batch when invoked: the caller moves to the next
    /// element outside any per-batch dispose scope, so whatever a source's own enumeration creates
    /// (a user iterator's epoch-wide tensors, say) is left alone, and then invokes it inside that
    /// batch's scope, so the slices, gathered rows and converted copies die with the step.
    /// </summary>
    public abstract IEnumerable<Func<Batch>> Batches(int epoch);
}
