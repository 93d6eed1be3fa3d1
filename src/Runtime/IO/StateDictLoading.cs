using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.IO;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>
/// Loading a PyTorch-style <c>state_dict</c> file into any module, strictly or not, with a
/// report of what fitted: a whole network (keys prefixed by member name, <c>Features.conv1.weight</c>)
/// or one member (a <see cref="Layers.Backbone"/> and TorchVision's names).
/// </summary>
public static class StateDictLoading
{
    /// <summary>
    /// Loads the tensors of a weights file whose names are the module's <c>state_dict</c> keys.
    /// Strict, every key must be in both with the same shape and a loadable type (as in
    /// <see cref="NetworkPersistence.LoadWeights"/>), or <see cref="WeightsMismatchException"/> is
    /// thrown and nothing is loaded; otherwise the tensors that fit are loaded and the rest is
    /// reported, as PyTorch's <c>load_state_dict(strict=False)</c> does.
    /// </summary>
    /// <param name="module">A network, a member of one, or any TorchSharp module.</param>
    /// <param name="path">A <c>.safetensors</c> file, or a TorchSharp weights file for any other extension.</param>
    /// <param name="strict">Whether everything must fit.</param>
    /// <returns>What was loaded and what was not.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, inconsistent or not in the format its extension says; nothing was loaded.</exception>
    /// <exception cref="WeightsMismatchException">Strict, and something does not fit; nothing was loaded.</exception>
    public static WeightsLoadReport LoadStateDict(this nn.Module module, string path, bool strict = true)
    {
        ArgumentNullException.ThrowIfNull(module);
        return Load(module, module is INetwork network ? network.Description.Name : module.GetName(), path, strict, skippedPrefix: null);
    }

    /// <summary>The load, with the file's tensors under <paramref name="skippedPrefix"/> left out on purpose.</summary>
    internal static WeightsLoadReport Load(nn.Module module, string name, string path, bool strict, string? skippedPrefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var index = WeightsFile.ReadIndex(path);
        var state = module.state_dict();
        var comparison = WeightsFit.Compare(index, state, skippedPrefix);
        if (strict && !comparison.IsExact)
        {
            throw new WeightsMismatchException(path, name, comparison.Missing, comparison.Unexpected, comparison.Shapes, comparison.Types);
        }

        var fitting = comparison.Fitting;
        var entries = index.ToDictionary(static e => e.Key, static e => e.Value, StringComparer.Ordinal);
        var loaded = WeightsFile.ReadTensors(path);
        try
        {
            // The file may have been replaced since its index was read; the load stays all-or-nothing.
            foreach (var key in fitting)
            {
                if (!loaded.TryGetValue(key, out var tensor) || !tensor.shape.AsSpan().SequenceEqual(entries[key].Shape) || tensor.dtype != entries[key].DType)
                {
                    throw new InvalidDataException($"'{path}' changed while it was read: tensor '{key}' is no longer {entries[key].DType} {WeightsShape.Format(entries[key].Shape)}; nothing was loaded.");
                }
            }

            using (no_grad())
            {
                foreach (var key in fitting)
                {
                    // copy_ converts type and device, so float64 or float16 files load into float32 modules.
                    state[key].copy_(loaded[key]);
                }
            }
        }
        finally
        {
            foreach (var tensor in loaded.Values)
            {
                tensor.Dispose();
            }
        }

        return new WeightsLoadReport(fitting, comparison.Skipped, comparison.Missing, comparison.Unexpected, comparison.Shapes, comparison.Types);
    }
}
