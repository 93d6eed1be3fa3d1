using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>Adapters from other batch sources to <see cref="Batch"/>es.</summary>
public static class Batches
{
    /// <summary>
    /// Batches from dictionaries keyed by input and output name, such as those a TorchSharp
    /// <c>DataLoader</c> collates: <c>model.Fit(loader.AsBatches(), epochs: 5)</c>. The source is
    /// enumerated lazily, once per epoch. Keys that name neither an input nor an output are an error;
    /// <paramref name="rename"/> maps a dataset's keys (say <c>"data"</c> and <c>"label"</c>) to them.
    /// </summary>
    public static IEnumerable<Batch> AsBatches(this IEnumerable<IReadOnlyDictionary<string, Tensor>> source, IReadOnlyDictionary<string, string>? rename = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        return rename is null
            ? source.Select(static values => new Batch(values))
            : source.Select(values => new Batch(values.ToDictionary(pair => rename.TryGetValue(pair.Key, out var name) ? name : pair.Key, static pair => pair.Value, StringComparer.Ordinal)));
    }
}
