using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.IO;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// Loading weights into the matching layers of another network, by member name (the
/// <c>state_dict</c> keys <c>Conv1.weight</c>, <c>Norm.running_mean</c>...): the transfer-learning
/// step of reusing a trained feature stack under a new head.
/// </summary>
public static class WeightTransfer
{
    /// <summary>
    /// Copies every parameter and buffer <paramref name="source"/> has under the same name and
    /// shape into <paramref name="target"/>; the others keep their values. Element types convert
    /// as in <see cref="NetworkPersistence.LoadWeights"/> (float64 into float32, never bool or
    /// integers into floating point). What is frozen does not change.
    /// </summary>
    /// <param name="target">The network loaded into.</param>
    /// <param name="source">The network whose weights are copied.</param>
    /// <param name="failOnMismatch">Throw, loading nothing, when a tensor both have differs in shape or type.</param>
    /// <returns>What was loaded, skipped and mis-shaped.</returns>
    /// <exception cref="WeightTransferException"><paramref name="failOnMismatch"/> is set and a shape differs.</exception>
    public static WeightTransferReport LoadWeightsFrom(this INetwork target, INetwork source, bool failOnMismatch = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(source);

        // A copy taken under the source's lock (no training step of its own is half-applied),
        // released before the target's is taken: two transfers in opposite directions cannot deadlock.
        Dictionary<string, Tensor> copy;
        lock (source.Core.Gate)
        {
            using var noGrad = no_grad();
            copy = ((nn.Module)source).state_dict().ToDictionary(static pair => pair.Key, static pair => pair.Value.clone());
        }

        try
        {
            return Load(target, source.Description.Name, copy, failOnMismatch);
        }
        finally
        {
            foreach (var tensor in copy.Values)
            {
                tensor.Dispose();
            }
        }
    }

    /// <summary>
    /// As <see cref="LoadWeightsFrom(INetwork, INetwork, bool)"/>, from a weights file saved by
    /// <see cref="NetworkPersistence.SaveWeights(INetwork, string)"/> (or by Python, as safetensors) for another network.
    /// </summary>
    /// <param name="target">The network loaded into.</param>
    /// <param name="path">A <c>.safetensors</c> file, or a TorchSharp weights file for any other extension.</param>
    /// <param name="failOnMismatch">Throw, loading nothing, when a tensor both have differs in shape or type.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is truncated or not in the format its extension says.</exception>
    /// <exception cref="WeightTransferException"><paramref name="failOnMismatch"/> is set and a shape differs.</exception>
    public static WeightTransferReport LoadWeightsFrom(this INetwork target, string path, bool failOnMismatch = false)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var tensors = WeightsFile.ReadTensors(path);
        try
        {
            return Load(target, "'" + Path.GetFileName(path) + "'", tensors, failOnMismatch);
        }
        finally
        {
            foreach (var tensor in tensors.Values)
            {
                tensor.Dispose();
            }
        }
    }

    private static WeightTransferReport Load(INetwork target, string sourceName, IReadOnlyDictionary<string, Tensor> source, bool failOnMismatch)
    {
        var core = target.Core;
        lock (core.Gate)
        {
            var state = ((nn.Module)target).state_dict();
            var comparison = WeightsFit.Compare(source.Select(static pair => KeyValuePair.Create(pair.Key, new TensorEntry(pair.Value.dtype, pair.Value.shape))).ToList(), state);
            var differing = new HashSet<string>(comparison.Shapes.Select(static s => s.Name).Concat(comparison.Types.Select(static t => t.Name)), StringComparer.Ordinal);
            var mismatched = state.Keys
                .Where(differing.Contains)
                .Select(name => new WeightMismatch(name, source[name].shape, state[name].shape, source[name].dtype, state[name].dtype))
                .ToList();
            var loaded = comparison.Fitting;
            var report = new WeightTransferReport(sourceName, target.Description.Name, loaded, mismatched, comparison.Missing, comparison.Unexpected);
            if (failOnMismatch && mismatched.Count > 0)
            {
                throw new WeightTransferException(report);
            }

            using (no_grad())
            {
                foreach (var name in loaded)
                {
                    // copy_ converts element type and device, and keeps the target's requires_grad.
                    state[name].copy_(source[name]);
                }
            }

            return report;
        }
    }
}
