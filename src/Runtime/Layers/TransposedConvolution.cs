using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Runs a <c>ConvTranspose2d</c> where its own arguments cannot give Keras's output size:
/// TorchSharp pads symmetrically, so the odd row or column of a <c>"same"</c> excess is cropped at
/// the end here (TensorFlow crops it from the bottom and right); and TorchSharp 0.107 applies
/// only the first output padding when the module runs without an output size, so an output
/// padding that differs down and across is given as the output size instead.
/// </summary>
public static class TransposedConvolution
{
    /// <summary>The module's output less its last <paramref name="bottom"/> rows and <paramref name="right"/> columns.</summary>
    public static Tensor Crop(ConvolutionTranspose module, Tensor input, long bottom, long right)
    {
        using var output = module.call(input);
        return Cropping2D.Crop(output, 0, bottom, 0, right);
    }

    /// <summary>
    /// The module's output of <paramref name="height"/> x <paramref name="width"/> (the size its output
    /// padding gives), less its last <paramref name="bottom"/> rows and <paramref name="right"/> columns.
    /// </summary>
    public static Tensor Sized(ConvolutionTranspose module, Tensor input, long height, long width, long bottom = 0, long right = 0)
    {
        var output = module.forward(input, [height, width]);
        if (bottom + right == 0)
        {
            return output;
        }

        using (output)
        {
            return Cropping2D.Crop(output, 0, bottom, 0, right);
        }
    }
}
