using System;
using System.Globalization;

namespace NetGen.Data.Images;

/// <summary>
/// Random changes to training images, drawn anew for every image in every epoch (Keras's
/// <c>ImageDataGenerator</c>): rotation, width and height shift, shear, zoom and horizontal flip,
/// with a fill mode for the pixels they uncover. Only <see cref="ImageFolder.Training"/> takes an
/// augmentation: validation and test images cannot be augmented.
/// </summary>
/// <remarks>
/// The geometric changes compose into one affine map about the image centre (rotation, then shift,
/// shear and zoom, as Keras composes them), sampled bilinearly; the flip follows. Draws come from
/// the folder's seed, the epoch and the image's position, so a run is the same whatever the number
/// of workers. Unlike Keras (whose matrix swaps the axes), <see cref="WidthShiftRange"/> moves
/// images along the width and <see cref="HeightShiftRange"/> along the height.
/// </remarks>
public sealed record ImageAugmentation
{
    /// <summary>Rotation angle range in degrees: an angle uniform in [-range, range].</summary>
    public double RotationRange { get; init; }

    /// <summary>Horizontal shift: a fraction of the width when below 1, else pixels; uniform in [-range, range].</summary>
    public double WidthShiftRange { get; init; }

    /// <summary>Vertical shift: a fraction of the height when below 1, else pixels; uniform in [-range, range].</summary>
    public double HeightShiftRange { get; init; }

    /// <summary>Shear angle range in degrees (counter-clockwise): uniform in [-range, range].</summary>
    public double ShearRange { get; init; }

    /// <summary>
    /// Zoom range z: the horizontal and vertical zoom factors are drawn independently from
    /// [1 - z, 1 + z]; a factor below 1 zooms in, above 1 zooms out (Keras's convention). Below 1.
    /// </summary>
    public double ZoomRange { get; init; }

    /// <summary>Mirrors half of the images left to right.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>What fills the pixels a transform uncovers.</summary>
    public FillMode FillMode { get; init; } = FillMode.Nearest;

    /// <summary>The value of uncovered pixels under <see cref="FillMode.Constant"/>, in pixel units before rescaling (Keras's <c>cval</c>).</summary>
    public double FillValue { get; init; }

    /// <summary>Whether any geometric change (not the flip) is asked for.</summary>
    internal bool IsGeometric => RotationRange != 0 || WidthShiftRange != 0 || HeightShiftRange != 0 || ShearRange != 0 || ZoomRange != 0;

    /// <summary>Throws when a range is negative, not finite, or a zoom would flip or collapse the image.</summary>
    internal void Validate()
    {
        Check(RotationRange, nameof(RotationRange));
        Check(WidthShiftRange, nameof(WidthShiftRange));
        Check(HeightShiftRange, nameof(HeightShiftRange));
        Check(ShearRange, nameof(ShearRange));
        Check(ZoomRange, nameof(ZoomRange));
        if (ZoomRange >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ZoomRange), ZoomRange, "The zoom range must be below 1: zoom factors are drawn from [1 - range, 1 + range] and must stay positive.");
        }

        if (!Enum.IsDefined(FillMode))
        {
            throw new ArgumentOutOfRangeException(nameof(FillMode), FillMode, "Unknown fill mode.");
        }

        if (!double.IsFinite(FillValue))
        {
            throw new ArgumentOutOfRangeException(nameof(FillValue), FillValue, "The fill value must be a finite number.");
        }
    }

    /// <summary>One image's draw, in Keras's order: angle, height shift, width shift, shear, zoom x and y, flip.</summary>
    internal AffineParameters Sample(ref SplitMix64 random, int height, int width)
    {
        var theta = RotationRange != 0 ? random.Uniform(-RotationRange, RotationRange) : 0;
        var shiftY = HeightShiftRange != 0 ? random.Uniform(-HeightShiftRange, HeightShiftRange) * (HeightShiftRange < 1 ? height : 1) : 0;
        var shiftX = WidthShiftRange != 0 ? random.Uniform(-WidthShiftRange, WidthShiftRange) * (WidthShiftRange < 1 ? width : 1) : 0;
        var shear = ShearRange != 0 ? random.Uniform(-ShearRange, ShearRange) : 0;
        double zoomX = 1, zoomY = 1;
        if (ZoomRange != 0)
        {
            zoomX = random.Uniform(1 - ZoomRange, 1 + ZoomRange);
            zoomY = random.Uniform(1 - ZoomRange, 1 + ZoomRange);
        }

        var flip = HorizontalFlip && random.NextDouble() < 0.5;
        return new AffineParameters(theta, shiftX, shiftY, shear, zoomX, zoomY, flip);
    }

    private static void Check(double value, string name)
    {
        if (!(double.IsFinite(value) && value >= 0))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture, $"{name} must be a finite number of at least 0; it is {value}."));
        }
    }
}
