using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.IO;

/// <summary>Writes arbitrary state dictionaries with the libraries' own writers, to make files no network would save.</summary>
internal static class WeightFiles
{
    public static void Write(string path, Dictionary<string, Tensor> state)
    {
        using var stream = File.Create(path);
        if (path.EndsWith(".safetensors"))
        {
            Safetensors.SaveStateDict(stream, state);
        }
        else
        {
            using var writer = new BinaryWriter(stream);
            nn.Module.save_state_dict(writer, state);
        }
    }

    public static Dictionary<string, Tensor> StateOf(nn.Module module) =>
        module.state_dict().ToDictionary(static p => p.Key, static p => p.Value.detach().clone());

    public static bool SameState(nn.Module a, nn.Module b)
    {
        var left = a.state_dict();
        var right = b.state_dict();
        return left.Keys.SequenceEqual(right.Keys) && left.All(p => Same(p.Value, right[p.Key]));
    }

    public static bool Same(Tensor a, Tensor b)
    {
        return a.dtype == b.dtype && a.shape.SequenceEqual(b.shape) && a.equal(b).all().item<bool>();
    }
}
