using System;
using System.Linq;
using NetGen.Data.Images;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Each augmentation changes what it should, exactly where the result is known, and never touches validation images.</summary>
public sealed class ImageAugmentationTests
{
    // A 5x5 image whose every pixel is distinct: value = 10 * row + column.
    private static readonly Func<int, int, byte> s_distinct = (row, column) => (byte)((10 * row) + column);

    [Fact]
    public void HorizontalFlipMirrorsHalfTheImagesExactly()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 32; i++)
        {
            tree.Gray($"a/{i:D2}.png", 5, 5, s_distinct);
        }

        var folder = ImageFolder.Open(tree.Root, Gray(5) with { Seed = 5 });
        var original = Grid(5, s_distinct);
        var mirrored = Grid(5, (row, column) => s_distinct(row, 4 - column));

        var images = folder.Training(batchSize: 8, new ImageAugmentation { HorizontalFlip = true }).SelectMany(Images).ToList();

        var flips = images.Count(image => image.SequenceEqual(mirrored));
        Assert.Equal(32, flips + images.Count(image => image.SequenceEqual(original)));
        Assert.InRange(flips, 8, 24);
    }

    [Fact]
    public void AWidthShiftMovesImagesAlongTheWidthOnlyAndAHeightShiftAlongTheHeightOnly()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 8; i++)
        {
            tree.Gray($"rows/{i}.png", 6, 6, (row, _) => (byte)(row * 40));
            tree.Gray($"columns/{i}.png", 6, 6, (_, column) => (byte)(column * 40));
        }

        var folder = ImageFolder.Open(tree.Root, Gray(6) with { Seed = 2 });
        var rows = Grid(6, (row, _) => (byte)(row * 40));
        var columns = Grid(6, (_, column) => (byte)(column * 40));
        var shiftedWidth = folder.Training(8, new ImageAugmentation { WidthShiftRange = 0.3 }, shuffle: false).SelectMany(Images).ToList();
        var shiftedHeight = folder.Training(8, new ImageAugmentation { HeightShiftRange = 0.3 }, shuffle: false).SelectMany(Images).ToList();

        // Files are in class order: 8 of "columns", then 8 of "rows". Nearest fill keeps stripes along the shift intact.
        Assert.All(shiftedWidth.Skip(8), image => Assert.Equal(rows, image));
        Assert.Contains(shiftedWidth.Take(8), image => !image.SequenceEqual(columns));
        Assert.All(shiftedHeight.Take(8), image => Assert.Equal(columns, image));
        Assert.Contains(shiftedHeight.Skip(8), image => !image.SequenceEqual(rows));
    }

    [Theory]
    [InlineData(FillMode.Constant, new[] { 9f, 9, 0, 1, 2, 3 })]
    [InlineData(FillMode.Nearest, new[] { 0f, 0, 0, 1, 2, 3 })]
    [InlineData(FillMode.Reflect, new[] { 1f, 0, 0, 1, 2, 3 })]
    [InlineData(FillMode.Wrap, new[] { 4f, 5, 0, 1, 2, 3 })]
    public void AShiftOfWholePixelsMovesEveryPixelAndFillsAsKerasDoes(FillMode fillMode, float[] expectedRow)
    {
        // One row 0..5; sampling two pixels to the left moves the content two pixels right.
        var row = new float[] { 0, 1, 2, 3, 4, 5 };

        AffineWarp.Warp(row, 0, channels: 1, height: 1, width: 6, AffineParameters.Identity with { ShiftX = -2 }, fillMode, fillValue: 9);

        Assert.Equal(expectedRow, row);
    }

    [Fact]
    public void ARotationOfNinetyDegreesTurnsTheImageAboutItsCentre()
    {
        var rotated = Grid(5, s_distinct);

        AffineWarp.Warp(rotated, 0, 1, 5, 5, AffineParameters.Identity with { Rotation = 90 }, FillMode.Nearest, 0);

        // The output pixel (row, column) samples the input at x' = -(y - 2) + 2, y' = (x - 2) + 2.
        var expected = Grid(5, (row, column) => s_distinct(column, 4 - row));
        Assert.Equal(expected, rotated.Select(v => MathF.Round(v, 3)));
    }

    [Fact]
    public void AZoomScalesAboutTheCentreAndAShearSlidesRowsAwayFromTheMiddleRow()
    {
        var zoom = Grid(5, s_distinct);
        var shear = Grid(5, s_distinct);

        AffineWarp.Warp(zoom, 0, 1, 5, 5, AffineParameters.Identity with { ZoomX = 0.5, ZoomY = 0.5 }, FillMode.Nearest, 0);
        AffineWarp.Warp(shear, 0, 1, 5, 5, AffineParameters.Identity with { Shear = 30 }, FillMode.Nearest, 0);

        Assert.Equal(22f, zoom[12]);                 // the centre stays
        Assert.Equal(11f, zoom[0]);                  // the corner samples halfway to the centre
        Assert.Equal(11.5f, zoom[1], 3);             // between two input pixels
        Assert.Equal(Grid(5, s_distinct).Skip(10).Take(5), shear.Skip(10).Take(5).Select(v => MathF.Round(v, 3)));
        Assert.NotEqual(Grid(5, s_distinct).Take(5), shear.Take(5));
    }

    [Fact]
    public void EveryGeometricAugmentationChangesTrainingImagesAndKeepsTheirShape()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 6; i++)
        {
            tree.Gray($"a/{i}.png", 5, 5, s_distinct);
        }

        var folder = ImageFolder.Open(tree.Root, Gray(5) with { Seed = 9 });
        var original = Grid(5, s_distinct);
        foreach (var augmentation in new[]
                 {
                     new ImageAugmentation { RotationRange = 40 },
                     new ImageAugmentation { ShearRange = 30 },
                     new ImageAugmentation { ZoomRange = 0.4 },
                     new ImageAugmentation { WidthShiftRange = 2, HeightShiftRange = 2, FillMode = FillMode.Wrap },
                 })
        {
            var images = folder.Training(6, augmentation).SelectMany(Images).ToList();
            Assert.Equal(6, images.Count);
            Assert.All(images, image => Assert.Equal(25, image.Length));
            Assert.True(images.Count(image => !image.SequenceEqual(original)) >= 5, augmentation.ToString());
        }
    }

    [Fact]
    public void ValidationImagesAreTheFilesPixelsWhateverTheTrainingSubsetDoes()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 10; i++)
        {
            tree.Gray($"a/{i}.png", 5, 5, s_distinct);
        }

        var folder = ImageFolder.Open(tree.Root, Gray(5) with { Seed = 4, ValidationSplit = 0.4 });
        var heavy = new ImageAugmentation { RotationRange = 90, ZoomRange = 0.5, HorizontalFlip = true, FillMode = FillMode.Constant };
        var training = folder.Training(3, heavy);

        Assert.Contains(training.SelectMany(Images), image => !image.SequenceEqual(Grid(5, s_distinct)));
        Assert.False(folder.Validation(3).IsAugmented);
        Assert.All(folder.Validation(3).SelectMany(Images), image => Assert.Equal(Grid(5, s_distinct), image));
    }

    [Fact]
    public void RescalingFollowsAugmentationSoTheFillValueIsInPixelUnits()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 16; i++)
        {
            tree.Gray($"a/{i:D2}.png", 1, 8, (_, _) => 0);
        }

        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (1, 8), ColorMode = ColorMode.Grayscale, Rescale = 0.5f, Seed = 1 });

        var pixels = folder.Training(4, new ImageAugmentation { WidthShiftRange = 6, FillMode = FillMode.Constant, FillValue = 100 }).SelectMany(Images).SelectMany(image => image).ToList();

        // Uncovered pixels are 100 * 0.5; rescaling first would have made them 100.
        Assert.Equal(50f, pixels.Max());
        Assert.Equal(0f, pixels.Min());
    }

    [Fact]
    public void ImpossibleAugmentationsAreRejected()
    {
        using var tree = new ImageTree();
        tree.Gray("a/0.png", 2, 2, s_distinct);
        var folder = ImageFolder.Open(tree.Root, Gray(2));

        Assert.Equal("ZoomRange", Assert.Throws<ArgumentOutOfRangeException>(() => folder.Training(1, new ImageAugmentation { ZoomRange = 1 })).ParamName);
        Assert.Equal("RotationRange", Assert.Throws<ArgumentOutOfRangeException>(() => folder.Training(1, new ImageAugmentation { RotationRange = -5 })).ParamName);
        Assert.Equal("WidthShiftRange", Assert.Throws<ArgumentOutOfRangeException>(() => folder.Training(1, new ImageAugmentation { WidthShiftRange = double.NaN })).ParamName);
        Assert.Equal("FillValue", Assert.Throws<ArgumentOutOfRangeException>(() => folder.Training(1, new ImageAugmentation { FillValue = double.PositiveInfinity })).ParamName);
    }

    private static ImageFolderOptions Gray(int size) => new() { ImageSize = (size, size), ColorMode = ColorMode.Grayscale, DisposeBatches = true };

    private static float[] Grid(int size, Func<int, int, byte> value) =>
        Enumerable.Range(0, size * size).Select(i => (float)value(i / size, i % size)).ToArray();

    private static float[][] Images(NetGen.Training.Batch batch) =>
        Enumerable.Range(0, (int)batch.Size).Select(i => batch.Inputs[0][i].data<float>().ToArray().Select(v => MathF.Round(v, 3)).ToArray()).ToArray();
}
