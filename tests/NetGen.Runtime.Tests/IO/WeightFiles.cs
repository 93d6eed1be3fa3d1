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

    /// <summary>A safetensors file with the given JSON header (padded to 8 bytes, as Python pads it) and data bytes.</summary>
    public static void WriteSafetensors(string path, string header, byte[] data)
    {
        header = header.PadRight((header.Length + 7) / 8 * 8);
        using var file = File.Create(path);
        using var writer = new BinaryWriter(file);
        writer.Write((ulong)header.Length);
        writer.Write(System.Text.Encoding.UTF8.GetBytes(header));
        writer.Write(data);
    }

    /// <summary>One header entry: <c>"name":{"dtype":"F32","shape":[2,4],"data_offsets":[0,32]}</c>.</summary>
    public static string Entry(string name, string dtype, long[] shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[{begin},{end}]}}";

    public static Dictionary<string, Tensor> StateOf(nn.Module module) =>
        module.state_dict().ToDictionary(static p => p.Key, static p => p.Value.detach().clone());

    /// <summary>Fails unless every tensor of <paramref name="module"/> still equals its copy in <paramref name="before"/>.</summary>
    public static void AssertUnchanged(Dictionary<string, Tensor> before, nn.Module module)
    {
        var now = module.state_dict();
        Xunit.Assert.Equal(before.Keys, now.Keys);
        Xunit.Assert.True(before.All(p => Same(p.Value, now[p.Key])), "a failed load must not change the network");
    }

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
