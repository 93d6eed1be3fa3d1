using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>Turns pixel bytes read from a file into the tensor a reader returns.</summary>
internal static class ImageTensors
{
    /// <summary>Rejects an undefined <see cref="PixelValues"/> before any file is read.</summary>
    public static void CheckPixels(PixelValues pixels, string parameter = "pixels")
    {
        if (pixels is not (PixelValues.Rescaled or PixelValues.Bytes))
        {
            throw new System.ArgumentOutOfRangeException(parameter, pixels, "Pixels must be PixelValues.Rescaled or PixelValues.Bytes.");
        }
    }

    /// <summary>A (samples, channels, height, width) tensor of <paramref name="data"/>: uint8 as stored, or float32 divided by 255.</summary>
    public static Tensor FromBytes(byte[] data, long[] shape, PixelValues pixels)
    {
        CheckPixels(pixels);
        var bytes = tensor(data, shape, dtype: ScalarType.Byte);
        if (pixels == PixelValues.Bytes)
        {
            return bytes;
        }

        using (bytes)
        using (var levels = 255f.ToScalar())
        {
            return bytes.to_type(ScalarType.Float32).div_(levels);
        }
    }
}
