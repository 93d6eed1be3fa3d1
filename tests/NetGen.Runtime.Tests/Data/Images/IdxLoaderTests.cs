using System;
using System.IO;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>IDX files read exactly as declared, or fail naming the file, the problem and the sizes.</summary>
public sealed class IdxLoaderTests
{
    [Theory]
    [InlineData(false, "images.idx")]
    [InlineData(true, "images.idx")]
    [InlineData(false, "images.gz")]
    [InlineData(true, "images.bin")]
    public void ImagesReadAsSamplesChannelRowsColumnsWhetherGzippedOrNotWhateverTheName(bool gzip, string name)
    {
        using var files = new TempFiles();
        var pixels = IdxBytes.Pattern(3, 6);
        var content = IdxBytes.Images(3, 2, 3, pixels);
        var path = files.WriteBytes(name, gzip ? IdxBytes.Gzip(content) : content);

        using var rescaled = IdxLoader.ReadImages(path);
        using var bytes = IdxLoader.ReadImages(path, PixelValues.Bytes);

        Assert.Equal(new long[] { 3, 1, 2, 3 }, rescaled.shape);
        Assert.Equal(ScalarType.Float32, rescaled.dtype);
        Assert.Equal(pixels.Select(static p => p / 255f), rescaled.data<float>().ToArray());
        Assert.Equal(ScalarType.Byte, bytes.dtype);
        Assert.Equal(new long[] { 3, 1, 2, 3 }, bytes.shape);
        Assert.Equal(pixels, bytes.data<byte>().ToArray());

        // Row-major: image 1, row 1, column 2 is the 12th byte.
        Assert.Equal(pixels[6 + 3 + 2], bytes[1, 0, 1, 2].item<byte>());
    }

    [Fact]
    public void LabelsReadAsInt64AndLoadPairsThemWithTheImages()
    {
        using var files = new TempFiles();
        var images = files.WriteBytes("images", IdxBytes.Gzip(IdxBytes.Images(4, 2, 2, IdxBytes.Pattern(4, 4))));
        var labels = files.WriteBytes("labels", IdxBytes.Labels(2, 0, 1, 2));

        using var read = IdxLoader.ReadLabels(labels);
        using var data = IdxLoader.Load(images, labels, ["zero", "one", "two"]);
        using var numbered = IdxLoader.Load(images, labels);

        Assert.Equal(ScalarType.Int64, read.dtype);
        Assert.Equal(new long[] { 2, 0, 1, 2 }, read.data<long>().ToArray());
        Assert.Equal(4, data.Count);
        Assert.Equal(new long[] { 2, 0, 1, 2 }, data.Labels.data<long>().ToArray());
        Assert.Equal(new[] { "zero", "one", "two" }, data.ClassNames);
        Assert.Equal(new long[] { 1, 1, 2 }, data.CountPerClass());
        Assert.Equal(new[] { "0", "1", "2" }, numbered.ClassNames);
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, " once decompressed")]
    public void ATruncatedFileNamesTheDeclaredAndTheActualSizes(bool gzip, string decompressed)
    {
        using var files = new TempFiles();
        var content = IdxBytes.Images(5, 4, 4, IdxBytes.Pattern(5, 16))[..^10];
        var path = files.WriteBytes("train-images", gzip ? IdxBytes.Gzip(content) : content);

        var error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        Assert.Equal(
            $"train-images is truncated: its header declares 5 × 4 × 4 = 80 bytes of images (96 bytes with the header), but it holds 86 bytes{decompressed}.",
            error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void DataBeyondTheDeclaredSizeIsAnError()
    {
        using var files = new TempFiles();
        var path = files.WriteBytes("labels", IdxBytes.Labels(1, 2, 3).Concat(new byte[] { 4, 5 }).ToArray());

        var error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        Assert.Equal("labels holds 13 bytes, 2 bytes more than the 11 bytes its header declares (3 bytes of labels after 8 bytes of header).", error.Message);
    }

    [Fact]
    public void ACutGzipFileIsReportedAsBrokenGzipNotAsShortData()
    {
        using var files = new TempFiles();
        var whole = IdxBytes.Gzip(IdxBytes.Images(50, 8, 8, IdxBytes.Pattern(50, 64)));
        var path = files.WriteBytes("cut.gz", whole[..^5]);

        var error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        Assert.StartsWith("cut.gz is a truncated or corrupt gzip file: ", error.Message);
    }

    [Fact]
    public void AFileWithoutTheIdxMagicNumberIsNamedAsSuch()
    {
        using var files = new TempFiles();
        var path = files.Write("labels.csv", "label\n1\n");

        var error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(path));

        Assert.Equal(
            "labels.csv is not an IDX file: it starts with 0x6C616265, and an IDX file starts with two zero bytes, a type code and a dimension count (0x00000801 for labels).",
            error.Message);
    }

    [Theory]
    [InlineData(0x0D, "holds elements of type 0x0D (float32); IDX images are unsigned bytes (0x08).")]
    [InlineData(0x09, "holds elements of type 0x09 (signed bytes); IDX images are unsigned bytes (0x08).")]
    [InlineData(0x42, "holds elements of type 0x42 (not an IDX type code); IDX images are unsigned bytes (0x08).")]
    public void OnlyUnsignedByteElementsAreImages(byte typeCode, string problem)
    {
        using var files = new TempFiles();
        var path = files.WriteBytes("images", IdxBytes.File(typeCode, [1, 1, 1], [0]));

        var error = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(path));

        Assert.Equal("images " + problem, error.Message);
    }

    [Fact]
    public void ImagesAndLabelsFilesSwappedAreRecognisedByTheirDimensionCount()
    {
        using var files = new TempFiles();
        var images = files.WriteBytes("t10k-images", IdxBytes.Images(2, 2, 2, new byte[8]));
        var labels = files.WriteBytes("t10k-labels", IdxBytes.Labels(1, 2));

        var asLabels = Assert.Throws<DataFormatException>(() => IdxLoader.ReadLabels(images));
        var asImages = Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(labels));

        Assert.Equal("t10k-images has 3 dimensions, but IDX labels have 1 (count); it looks like an images file.", asLabels.Message);
        Assert.Equal("t10k-labels has 1 dimension, but IDX images have 3 (count, rows, columns); it looks like a labels file.", asImages.Message);
    }

    [Fact]
    public void AHeaderCutShortOrDeclaringAnEmptyDimensionIsAnError()
    {
        using var files = new TempFiles();
        var cut = files.WriteBytes("cut", IdxBytes.Images(1, 28, 28, [])[..10]);
        var empty = files.WriteBytes("empty", IdxBytes.Images(0, 28, 28, []));
        var tiny = files.WriteBytes("tiny", [0, 0]);

        Assert.Equal(
            "cut is truncated in its header: 3 dimensions need 16 bytes, the file holds 10 bytes.",
            Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(cut)).Message);
        Assert.Equal(
            "empty declares 0 for its count; every dimension must be at least 1.",
            Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(empty)).Message);
        Assert.Equal(
            "tiny is too short to be an IDX file: it holds 2 bytes, fewer than the 4 of a magic number.",
            Assert.Throws<DataFormatException>(() => IdxLoader.ReadImages(tiny)).Message);
    }

    [Fact]
    public void ImagesAndLabelsMustAgreeInCountAndLabelsMustHaveANamedClass()
    {
        using var files = new TempFiles();
        var images = files.WriteBytes("images", IdxBytes.Images(3, 1, 1, [1, 2, 3]));
        var twoLabels = files.WriteBytes("two-labels", IdxBytes.Labels(0, 1));
        var threeLabels = files.WriteBytes("three-labels", IdxBytes.Labels(0, 5, 1));

        Assert.Equal(
            "images holds 3 images but two-labels holds 2 labels; an images file and its labels file have one label per image.",
            Assert.Throws<DataFormatException>(() => IdxLoader.Load(images, twoLabels)).Message);
        Assert.Equal(
            "three-labels has label 5 (first out-of-range label at index 1), but there are only 2 class names.",
            Assert.Throws<DataFormatException>(() => IdxLoader.Load(images, threeLabels, ["a", "b"])).Message);
        using var named = IdxLoader.Load(images, threeLabels, ["a", "b", "c", "d", "e", "f"]);
        Assert.Equal(3, named.Count);
    }

    [Fact]
    public void AMissingFileOrADirectoryIsFileNotFound()
    {
        using var files = new TempFiles();

        var missing = Assert.Throws<FileNotFoundException>(() => IdxLoader.ReadImages(files.PathOf("nothing.gz")));
        var directory = Assert.Throws<FileNotFoundException>(() => IdxLoader.ReadImages(files.Directory));

        Assert.Equal($"IDX file '{files.PathOf("nothing.gz")}' does not exist.", missing.Message);
        Assert.Equal($"IDX file path '{files.Directory}' is a directory, not a file.", directory.Message);
    }

    [Fact]
    public void AnUndefinedPixelFormatIsRejectedBeforeAnyFileIsRead()
    {
        using var files = new TempFiles();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => IdxLoader.ReadImages(files.PathOf("not-there"), (PixelValues)7));

        Assert.Equal("pixels", error.ParamName);
    }
}
