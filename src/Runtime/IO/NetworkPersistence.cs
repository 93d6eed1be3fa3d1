using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Data.Text;
using NetGen.IO;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>Saving and loading a network's weights.</summary>
public static class NetworkPersistence
{
    /// <summary>
    /// Saves the parameters and buffers (the <c>state_dict</c>, keyed by member name such as
    /// <c>Hidden1.weight</c>). A <c>.safetensors</c> path writes safetensors, which Python loads
    /// with <c>safetensors.torch.load_file</c> and <c>model.load_state_dict</c>; any other path
    /// writes TorchSharp's format, which <c>Module.load</c> also reads.
    /// </summary>
    /// <remarks>
    /// The write is atomic: a temporary file in the same directory is renamed over the target
    /// only once complete, so an interrupted save never corrupts the previous file.
    /// </remarks>
    /// <param name="network">The network.</param>
    /// <param name="path">The file to create or replace; its directory is created if needed.</param>
    public static void SaveWeights(this INetwork network, string path) => SaveWeights(network, path, metadata: null);

    /// <summary>
    /// Saves the weights, as <see cref="SaveWeights(INetwork, string)"/> does, together with the
    /// vocabulary that turns texts into the network's input ids, in one safetensors file written
    /// atomically: the weights and the words that give the ids their meaning cannot be separated
    /// or replaced one without the other. <see cref="Vocabulary.Load"/> reads the vocabulary back
    /// and <see cref="LoadWeights"/> the weights; Python finds the vocabulary as JSON in the
    /// file's metadata (<c>safe_open(path, "pt").metadata()["netgen.vocabulary"]</c>).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="path">A <c>.safetensors</c> file to create or replace; its directory is created if needed.</param>
    /// <param name="vocabulary">The vocabulary the network's inputs were encoded with.</param>
    /// <exception cref="ArgumentException"><paramref name="path"/> is not a <c>.safetensors</c> file:
    /// TorchSharp's format has no room for anything but tensors (save the vocabulary beside it with <see cref="Vocabulary.Save"/>).</exception>
    public static void SaveWeights(this INetwork network, string path, Vocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!WeightsFile.IsSafetensors(path))
        {
            throw new ArgumentException(
                $"'{path}' would be a TorchSharp weights file, which holds only tensors; save weights with a vocabulary to a .safetensors path, or save the vocabulary on its own with Vocabulary.Save.",
                nameof(path));
        }

        SaveWeights(network, path, new Dictionary<string, string> { [VocabularyJson.MetadataKey] = VocabularyJson.ToJson(vocabulary) });
    }

    private static void SaveWeights(INetwork network, string path, IReadOnlyDictionary<string, string>? metadata)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var module = (nn.Module)network;
        // A channels-last network is saved channels-first: the files hold the same values either way.
        network.Core.WithChannelsFirstParameters(() => AtomicFile.Write(path, stream =>
        {
            if (WeightsFile.IsSafetensors(path) && metadata is not null)
            {
                // TorchSharp.PyBridge writes no metadata, so its header is rewritten with it.
                using var buffer = new MemoryStream();
                module.save_safetensors(buffer, leaveOpen: true);
                SafetensorsMetadata.Add(buffer.ToArray(), stream, metadata);
            }
            else if (WeightsFile.IsSafetensors(path))
            {
                module.save_safetensors(stream, leaveOpen: true);
            }
            else
            {
                using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
                module.save(writer);
            }
        }));
    }

    /// <summary>
    /// Loads weights saved by <see cref="SaveWeights(INetwork, string)"/>, by TorchSharp's <c>Module.save</c>, or
    /// by Python as safetensors. The file's tensor names, shapes and types are compared with this
    /// network's before any data is read; floating-point values are converted to each parameter's
    /// floating-point type (as PyTorch's <c>load_state_dict</c> does) and device, while bool or
    /// integer tensors for floating-point parameters are refused (see <see cref="WeightsMismatchException"/>).
    /// </summary>
    /// <param name="network">The network.</param>
    /// <param name="path">A <c>.safetensors</c> file, or a TorchSharp weights file for any other extension.</param>
    /// <exception cref="FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="WeightsMismatchException">Names, shapes or types differ; the message lists every difference and the network is unchanged.</exception>
    /// <exception cref="InvalidDataException">The file is truncated, inconsistent or not in the format its extension says; the network is unchanged.</exception>
    public static void LoadWeights(this INetwork network, string path)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var module = (nn.Module)network;
        var index = WeightsFile.ReadIndex(path);
        var state = module.state_dict();
        CheckFits(network, path, index, state);

        var loaded = WeightsFile.ReadTensors(path);
        try
        {
            // The file may have been replaced (e.g. by a checkpoint save) since its index was read;
            // checking again keeps the load all-or-nothing.
            CheckFits(network, path, loaded.Select(static pair => KeyValuePair.Create(pair.Key, new TensorEntry(pair.Value.dtype, pair.Value.shape))).ToList(), state);
            using (no_grad())
            {
                foreach (var (name, target) in state)
                {
                    // copy_ converts type and device, so float64 files from Python load into float32 models.
                    target.copy_(loaded[name]);
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
    }

    // Names, shapes and element types are compared in IO/WeightsFit.cs, beside the file formats.
    private static void CheckFits(INetwork network, string path, IReadOnlyList<KeyValuePair<string, TensorEntry>> index, Dictionary<string, Tensor> state) =>
        WeightsFit.Check(path, network.Description.Name, index, state);
}
