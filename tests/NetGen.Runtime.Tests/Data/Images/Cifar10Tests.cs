using System;
using System.IO;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>CIFAR-10 batches written in the real binary format: label byte, then red, green and blue 32 × 32 planes.</summary>
public sealed class Cifar10Tests
{
    [Fact]
    public void RecordsBecomeChannelsFirstImagesWithTheirLabels()
    {
        using var files = new TempFiles();
        var content = Batch(labels: [3, 0, 9, 3]);
        var path = files.WriteBytes("data_batch_1.bin", content);

        using var bytes = Cifar10.LoadBatch(path, PixelValues.Bytes);
        using var rescaled = Cifar10.LoadBatch(path);

        Assert.Equal(new long[] { 4, 3, 32, 32 }, bytes.Images.shape);
        Assert.Equal(new long[] { 3, 0, 9, 3 }, bytes.Labels.data<long>().ToArray());
        Assert.Equal(ScalarType.Int64, bytes.Labels.dtype);

        // Record 2 starts at byte 2 * 3073; its green plane starts 1024 bytes after its label byte + 1.
        foreach (var (image, channel, row, column) in new[] { (0, 0, 0, 0), (2, 1, 5, 7), (3, 2, 31, 31), (1, 0, 31, 0) })
        {
            var offset = image * Cifar10.RecordLength + 1 + channel * 1024 + row * 32 + column;
            Assert.Equal(content[offset], bytes.Images[image, channel, row, column].item<byte>());
            Assert.Equal(content[offset] / 255f, rescaled.Images[image, channel, row, column].item<float>());
        }

        Assert.Equal(ScalarType.Float32, rescaled.Images.dtype);
        Assert.Equal(Cifar10.DefaultClassNames, bytes.ClassNames);
        Assert.Equal("cat", bytes.ClassNames[3]);
    }

    [Fact]
    public void ClassNamesComeFromBatchesMetaTxtBesideTheBatch()
    {
        using var files = new TempFiles();
        var path = files.WriteBytes("test_batch.bin", Batch(labels: [1]));
        files.Write(Cifar10.ClassNamesFile, "a0\nb1\nc2\nd3\ne4\nf5\ng6\nh7\ni8\nj9\n\n");

        using var batch = Cifar10.LoadBatch(path);

        Assert.Equal(new[] { "a0", "b1", "c2", "d3", "e4", "f5", "g6", "h7", "i8", "j9" }, batch.ClassNames);
    }

    [Fact]
    public void LoadJoinsTheFiveTrainingBatchesInOrderAndReadsTheTestBatch()
    {
        using var files = new TempFiles();
        for (var i = 1; i <= 5; i++)
        {
            var batch = Batch(labels: [(byte)i, (byte)(i - 1)]);
            files.WriteBytes($"data_batch_{i}.bin", i == 3 ? IdxBytes.Gzip(batch) : batch);
        }

        files.WriteBytes("test_batch.bin", Batch(labels: [7, 8, 9]));

        using var data = Cifar10.Load(files.Directory);

        Assert.Equal(new long[] { 10, 3, 32, 32 }, data.Train.Images.shape);
        Assert.Equal(new long[] { 1, 0, 2, 1, 3, 2, 4, 3, 5, 4 }, data.Train.Labels.data<long>().ToArray());
        Assert.Equal(new long[] { 7, 8, 9 }, data.Test.Labels.data<long>().ToArray());
        Assert.Equal(files.Directory, data.Directory);
        using var expected = Cifar10.LoadBatch(files.PathOf("data_batch_4.bin"));
        Assert.True(data.Train.Images[6..8].equal(expected.Images).all().item<bool>());
    }

    [Theory]
    [InlineData(false, "")]
    [InlineData(true, " once decompressed")]
    public void ATruncatedBatchNamesItsSizeAndTheCutRecord(bool gzip, string decompressed)
    {
        using var files = new TempFiles();
        var content = Batch(labels: [1, 2, 3])[..^1000];
        var path = files.WriteBytes("data_batch_2.bin", gzip ? IdxBytes.Gzip(content) : content);

        var error = Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(path));

        Assert.Equal(
            $"data_batch_2.bin holds 8,219 bytes{decompressed}, not a whole number of 3,073-byte records (a label byte, then 3,072 bytes of red, green and blue 32 × 32 planes): 2 whole records and 2,073 bytes of a cut one (truncated, or not a CIFAR-10 batch).",
            error.Message);
        Assert.Equal(path, error.Path);
    }

    [Fact]
    public void ALabelOutsideTheTenClassesAnEmptyFileAndABadNamesFileAreErrors()
    {
        using var files = new TempFiles();
        var badLabel = files.WriteBytes("cifar100.bin", Batch(labels: [4, 57]));
        var empty = files.WriteBytes("empty.bin", []);
        var missing = files.PathOf("data_batch_9.bin");

        Assert.Equal(
            "cifar100.bin has label 57 in record 1 (byte 3,073); CIFAR-10 labels are 0 to 9 (a CIFAR-100 batch has two label bytes per record and cannot be read as CIFAR-10).",
            Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(badLabel)).Message);
        Assert.StartsWith("empty.bin is empty; a CIFAR-10 batch is a sequence of 3,073-byte records", Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(empty)).Message);
        Assert.Equal($"CIFAR-10 batch '{missing}' does not exist.", Assert.Throws<FileNotFoundException>(() => Cifar10.LoadBatch(missing)).Message);

        files.Write(Cifar10.ClassNamesFile, "cat\ndog\n");
        Assert.Equal(
            "batches.meta.txt names 2 classes; CIFAR-10 has 10, one name per line by label.",
            Assert.Throws<DataFormatException>(() => Cifar10.LoadBatch(badLabel)).Message);
    }

    /// <summary>Records with the given labels and pixels that differ by record, plane, row and column.</summary>
    private static byte[] Batch(byte[] labels)
    {
        var content = new byte[labels.Length * Cifar10.RecordLength];
        for (var i = 0; i < labels.Length; i++)
        {
            content[i * Cifar10.RecordLength] = labels[i];
            for (var p = 0; p < 3072; p++)
            {
                content[i * Cifar10.RecordLength + 1 + p] = (byte)((i * 101 + p * 7 + p / 1024 * 13) % 256);
            }
        }

        return content;
    }
}
