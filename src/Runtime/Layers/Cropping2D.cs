using System;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// Removes rows and columns from the borders of a (batch, channels, height, width) input (the
/// module behind <see cref="Cropping2DAttribute"/>). The result is a view of the input.
/// </summary>
public sealed class Cropping2D : nn.Module<Tensor, Tensor>
{
    private readonly long _top;
    private readonly long _bottom;
    private readonly long _left;
    private readonly long _right;

    /// <summary>Creates the layer; every amount must be zero or more.</summary>
    public Cropping2D(long top, long bottom, long left, long right) : base(nameof(Cropping2D))
    {
        if (top < 0 || bottom < 0 || left < 0 || right < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(top), $"Cropping2D crops zero or more rows and columns from each side; it was given top {top}, bottom {bottom}, left {left}, right {right}.");
        }

        (_top, _bottom, _left, _right) = (top, bottom, left, right);
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Crop(input, _top, _bottom, _left, _right);

    /// <summary>
    /// The rows and columns of <paramref name="input"/> (batch, channels, height, width) that remain
    /// after cropping; throws naming the sizes when nothing would remain.
    /// </summary>
    public static Tensor Crop(Tensor input, long top, long bottom, long left, long right)
    {
        if (input.dim() != 4)
        {
            throw new ArgumentException($"Cropping2D takes (batch, channels, height, width); the input has shape ({string.Join(", ", input.shape)}).", nameof(input));
        }

        var height = input.size(2) - top - bottom;
        var width = input.size(3) - left - right;
        if (height < 1 || width < 1)
        {
            throw new ArgumentException($"Cropping2D of {top}, {bottom}, {left}, {right} (top, bottom, left, right) leaves nothing of a {input.size(2)} x {input.size(3)} image.", nameof(input));
        }

        using var rows = input.narrow(2, top, height);
        return rows.narrow(3, left, width);
    }
}
