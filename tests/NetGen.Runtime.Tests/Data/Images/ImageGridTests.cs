using System;
using System.IO;
using NetGen.Data;
using SkiaSharp;
using Xunit;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

public sealed class ImageGridTests
{
    [Fact]
    public void Grey_images_land_in_their_cells_row_by_row_with_padding_around()
    {
        // Three 2 x 3 images of constant brightness 0, 0.5 and 1 in two columns, padding 1 of value 0.25.
        using var images = stack([zeros(2, 3), full([2, 3], 0.5f), ones(2, 3)]);
        var png = ImageGrid.Encode(images, columns: 2, padding: 1, paddingValue: 0.25);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(2 * 3 + 3, bitmap.Width);
        Assert.Equal(2 * 2 + 3, bitmap.Height);
        Assert.Equal(0, Grey(bitmap, 1, 1));
        Assert.Equal(128, Grey(bitmap, 5, 2));   // second image, first row (0.5 rounds to 128)
        Assert.Equal(255, Grey(bitmap, 3, 5));   // third image starts the second row
        Assert.Equal(64, Grey(bitmap, 0, 0));    // padding
        Assert.Equal(64, Grey(bitmap, 4, 1));    // padding between the columns
        Assert.Equal(64, Grey(bitmap, 5, 5));    // the empty fourth cell
    }

    [Fact]
    public void Scale_repeats_each_pixel_and_values_outside_the_unit_range_are_clamped()
    {
        using var images = tensor(new float[] { -1f, 2f }).reshape(1, 1, 1, 2);
        var png = ImageGrid.Encode(images, padding: 0, scale: 3);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal(6, bitmap.Width);
        Assert.Equal(3, bitmap.Height);
        Assert.Equal(0, Grey(bitmap, 2, 2));
        Assert.Equal(255, Grey(bitmap, 3, 0));
    }

    [Fact]
    public void Colour_images_keep_their_channels()
    {
        using var images = tensor(new float[] { 1f, 0f, 0.5f }).reshape(1, 3, 1, 1);
        var png = ImageGrid.Encode(images, padding: 0);

        using var bitmap = SKBitmap.Decode(png);
        var colour = bitmap.GetPixel(0, 0);
        Assert.Equal((255, 0, 128), (colour.Red, colour.Green, colour.Blue));
    }

    [Fact]
    public void The_default_grid_is_the_squarest_that_holds_every_image()
    {
        using var images = zeros(10, 1, 4, 4);
        var png = ImageGrid.Encode(images, padding: 0);

        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((16, 12), (bitmap.Width, bitmap.Height));   // 4 columns, 3 rows
    }

    [Fact]
    public void Save_creates_the_directory_and_reports_the_size()
    {
        var directory = Directory.CreateTempSubdirectory("netgen-grid-").FullName;
        try
        {
            var path = Path.Combine(directory, "samples", "epoch-1.png");
            using var images = rand(4, 1, 28, 28);
            var size = ImageGrid.Save(images, path, columns: 4, scale: 2);

            Assert.Equal((4 * 56 + 5 * 2, 56 + 2 * 2), size);
            using var bitmap = SKBitmap.Decode(path);
            Assert.Equal((size.Width, size.Height), (bitmap.Width, bitmap.Height));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Flat_images_are_refused_with_the_reshape_to_write()
    {
        using var flat = zeros(4, 784);
        var error = Assert.Throws<ArgumentException>(() => ImageGrid.Encode(flat));
        Assert.Contains("[4, 784]", error.Message);
        Assert.Contains("view(-1, 1, 28, 28)", error.Message);
    }

    [Fact]
    public void Bad_values_and_types_are_refused()
    {
        using var nan = full([1, 2, 2], float.NaN);
        Assert.Contains("NaN", Assert.Throws<ArgumentException>(() => ImageGrid.Encode(nan)).Message);

        using var bytes = zeros([1, 2, 2], ScalarType.Byte);
        Assert.Contains("floating-point", Assert.Throws<ArgumentException>(() => ImageGrid.Encode(bytes)).Message);

        using var twoChannels = zeros(1, 2, 2, 2);
        Assert.Throws<ArgumentException>(() => ImageGrid.Encode(twoChannels));

        using var none = zeros(0, 1, 2, 2);
        Assert.Contains("nothing to draw", Assert.Throws<ArgumentException>(() => ImageGrid.Encode(none)).Message);
    }

    private static byte Grey(SKBitmap bitmap, int x, int y) => bitmap.GetPixel(x, y).Red;
}
