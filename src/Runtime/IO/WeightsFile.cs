using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace NetGen.IO;

/// <summary>
/// Reads and writes state dictionaries: <c>.safetensors</c> (readable by Python's safetensors and
/// PyTorch) or TorchSharp's own format for any other extension.
/// </summary>
internal static class WeightsFile
{
    /// <summary>Test seam: runs after the temporary file is complete, before it replaces the target.</summary>
    internal static Action<string>? BeforeCommit { get; set; }

    public static bool IsSafetensors(string path) => path.EndsWith(".safetensors", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Writes atomically: into a temporary file beside the target, flushed to disk, then renamed
    /// over it. A crash or error leaves the previous file intact and no temporary file behind.
    /// </summary>
    public static void Write(string path, Dictionary<string, Tensor> state)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                if (IsSafetensors(full))
                {
                    Safetensors.SaveStateDict(stream, state, leaveOpen: true);
                }
                else
                {
                    using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
                    writer.Write7BitEncodedInt64(state.Count);
                    foreach (var (name, tensor) in state)
                    {
                        writer.Write(name);
                        tensor.Save(writer);
                    }
                }

                stream.Flush(flushToDisk: true);
            }

            BeforeCommit?.Invoke(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Every tensor in the file, by name, on the CPU.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Weights file '{path}' does not exist.", path);
        }

        if (IsSafetensors(path))
        {
            return Safetensors.LoadStateDict(path);
        }

        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream);
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        try
        {
            var count = reader.Read7BitEncodedInt64();
            for (var i = 0L; i < count; i++)
            {
                var name = reader.ReadString();
                state[name] = TensorExtensionMethods.Load(reader, skip: false);
            }
        }
        catch (Exception exception) when (exception is EndOfStreamException or FormatException or ArgumentException or IOException)
        {
            foreach (var tensor in state.Values)
            {
                tensor.Dispose();
            }

            throw new InvalidDataException($"'{path}' is not a complete TorchSharp weights file: {exception.Message}", exception);
        }

        return state;
    }
}
