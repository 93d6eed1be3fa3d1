using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.IO;
using static TorchSharp.torch;

namespace NetGen;

public abstract partial class Network
{
    /// <summary>
    /// Saves parameters and buffers (the <c>state_dict</c>). A <c>.safetensors</c> path writes
    /// safetensors, which Python loads with <c>safetensors.torch.load_file</c>; any other path
    /// writes TorchSharp's format. The write is atomic.
    /// </summary>
    public void SaveWeights(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var scope = NewDisposeScope();
        var state = state_dict().ToDictionary(static pair => pair.Key, static pair => pair.Value.detach().cpu());
        WeightsFile.Write(path, state);
    }

    /// <summary>
    /// Loads weights saved by <see cref="SaveWeights"/> (or by PyTorch as safetensors). Every
    /// name and shape is checked first: on any difference a <see cref="WeightsMismatchException"/>
    /// lists them all and the network is left unchanged.
    /// </summary>
    public void LoadWeights(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var loaded = WeightsFile.Read(path);
        try
        {
            var state = state_dict();
            var missing = state.Keys.Where(key => !loaded.ContainsKey(key)).ToList();
            var unexpected = loaded.Keys.Where(key => !state.ContainsKey(key)).ToList();
            var shapes = state.Keys
                .Where(key => loaded.ContainsKey(key) && !loaded[key].shape.AsSpan().SequenceEqual(state[key].shape))
                .Select(key => $"{key} is {ShapeText(loaded[key])} in the file but {ShapeText(state[key])} in the model")
                .ToList();
            if (missing.Count > 0 || unexpected.Count > 0 || shapes.Count > 0)
            {
                throw new WeightsMismatchException(path, Description.Name, missing, unexpected, shapes);
            }

            using (no_grad())
            {
                foreach (var (name, tensor) in state)
                {
                    tensor.copy_(loaded[name].to(tensor.dtype).to(tensor.device));
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

    private static string ShapeText(Tensor tensor) => "[" + string.Join(", ", tensor.shape) + "]";
}
