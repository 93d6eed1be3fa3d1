using System.Collections.Generic;

namespace NetGen.Training;

/// <summary>Where the batches of one epoch come from: tensors in memory, or batches the caller enumerates.</summary>
internal abstract class BatchSource
{
    /// <summary>Batches per epoch, when known in advance (for the progress line).</summary>
    public abstract int? BatchCount { get; }

    /// <summary>
    /// The batches of one epoch, in network order, on the network's device and checked against its
    /// inputs. The caller opens a dispose scope for each batch before asking for it (before
    /// <c>MoveNext</c>), so the tensors a batch is cut into are disposed with that scope.
    /// </summary>
    public abstract IEnumerable<Batch> Batches(int epoch);
}
