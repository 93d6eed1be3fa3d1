using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Reads CIFAR-10's binary version (<c>cifar-10-batches-bin</c>): each batch file is a sequence of
/// 3,073-byte records, one label byte (0 to 9) then 3,072 pixel bytes, the red, green and blue
/// 32 × 32 planes one after the other, rows top to bottom. Images come out channels first,
/// (samples, 3, 32, 32). Class names come from <c>batches.meta.txt</c> beside the batch when it
/// is there. A batch may be gzipped (recognised by content).
/// </summary>
public static class Cifar10
{
    /// <summary>Height and width of the images.</summary>
    public const int ImageSize = 32;

    /// <summary>Bytes per record: the label and three colour planes.</summary>
    public const int RecordLength = 1 + PixelsPerImage;

    /// <summary>The name of the file listing the class names, one per line, by label.</summary>
    public const string ClassNamesFile = "batches.meta.txt";

    private const int PixelsPerImage = 3 * ImageSize * ImageSize;

    /// <summary>CIFAR-10's classes by label, as in its <c>batches.meta.txt</c>; used when a batch has no such file beside it.</summary>
    public static IReadOnlyList<string> DefaultClassNames { get; } =
        ["airplane", "automobile", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"];

    /// <summary>
    /// Reads the five training batches (<c>data_batch_1.bin</c> to <c>data_batch_5.bin</c>, joined in
    /// that order) and the test batch (<c>test_batch.bin</c>) of <paramref name="directory"/>.
    /// </summary>
    /// <param name="directory">The extracted <c>cifar-10-batches-bin</c> directory.</param>
    /// <param name="pixels">float32 in [0, 1] (the default), or the bytes as stored.</param>
    /// <exception cref="FileNotFoundException">A batch file is missing.</exception>
    /// <exception cref="DataFormatException">A batch or the class names file is broken (see <see cref="LoadBatch"/>).</exception>
    public static Cifar10Data Load(string directory, PixelValues pixels = PixelValues.Rescaled)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var train = LoadBatches(Enumerable.Range(1, 5).Select(i => Path.Combine(directory, $"data_batch_{i.ToString(CultureInfo.InvariantCulture)}.bin")), pixels);
        try
        {
            return new Cifar10Data(train.WithRole(DataRole.Training), LoadBatch(Path.Combine(directory, "test_batch.bin"), pixels).WithRole(DataRole.Test), directory);
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>Reads batch files and joins them in order; the class names are those of the first file's directory.</summary>
    /// <inheritdoc cref="LoadBatch"/>
    public static LabeledImages LoadBatches(IEnumerable<string> paths, PixelValues pixels = PixelValues.Rescaled)
    {
        ArgumentNullException.ThrowIfNull(paths);
        var all = paths.ToArray();
        if (all.Length == 0)
        {
            throw new ArgumentException("Give at least one batch file.", nameof(paths));
        }

        ImageTensors.CheckPixels(pixels);
        var classNames = ClassNamesBeside(all[0]);
        var records = new List<(byte[] Labels, byte[] Pixels)>(all.Length);
        foreach (var path in all)
        {
            records.Add(ReadRecords(path, classNames));
        }

        var count = records.Sum(static r => (long)r.Labels.Length);
        var joinedPixels = records.Count == 1 ? records[0].Pixels : Join(records.Select(static r => r.Pixels).ToArray());
        var joinedLabels = records.SelectMany(static r => r.Labels).Select(static l => (long)l).ToArray();
        // Files whose names all say test (test_batch.bin) are test data; all say train, training data.
        var roles = all.Select(DataRoles.OfFileName).Distinct().ToArray();
        return new LabeledImages(
            ImageTensors.FromBytes(joinedPixels, [count, 3, ImageSize, ImageSize], pixels),
            tensor(joinedLabels),
            classNames).WithRole(roles.Length == 1 ? roles[0] : null);
    }

    /// <summary>Reads one batch file as (samples, 3, 32, 32) images and int64 labels.</summary>
    /// <param name="path">A batch file (<c>data_batch_1.bin</c>, <c>test_batch.bin</c>...), gzipped or not.</param>
    /// <param name="pixels">float32 in [0, 1] (the default), or the bytes as stored.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">
    /// The file is empty, is not a whole number of records (truncated or with extra bytes), has a
    /// label without a class name, or is a broken gzip file; or <c>batches.meta.txt</c> does not name ten classes.
    /// </exception>
    public static LabeledImages LoadBatch(string path, PixelValues pixels = PixelValues.Rescaled) => LoadBatches([path], pixels);

    /// <summary>Reads a <c>batches.meta.txt</c>: one class name per line, by label; blank lines are ignored.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file does not name exactly ten distinct classes.</exception>
    public static IReadOnlyList<string> ReadClassNames(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"CIFAR-10 class names file '{path}' does not exist.", path);
        }

        var names = File.ReadAllLines(path).Select(static l => l.Trim()).Where(static l => l.Length > 0).ToArray();
        if (names.Length != DefaultClassNames.Count)
        {
            throw new DataFormatException(
                path,
                $"names {names.Length.ToString(CultureInfo.InvariantCulture)} classes; CIFAR-10 has {DefaultClassNames.Count.ToString(CultureInfo.InvariantCulture)}, one name per line by label.");
        }

        var repeated = names.GroupBy(static n => n, StringComparer.Ordinal).FirstOrDefault(static g => g.Count() > 1);
        return repeated is null
            ? names
            : throw new DataFormatException(path, $"names class '{repeated.Key}' twice; class names must be distinct.");
    }

    private static byte[] Join(byte[][] parts)
    {
        var joined = new byte[parts.Sum(static p => (long)p.Length)];
        var offset = 0L;
        foreach (var part in parts)
        {
            Array.Copy(part, 0, joined, offset, part.Length);
            offset += part.Length;
        }

        return joined;
    }

    private static IReadOnlyList<string> ClassNamesBeside(string batchPath)
    {
        var meta = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(batchPath)) ?? ".", ClassNamesFile);
        return File.Exists(meta) ? ReadClassNames(meta) : DefaultClassNames;
    }

    private static (byte[] Labels, byte[] Pixels) ReadRecords(string path, IReadOnlyList<string> classNames)
    {
        byte[] content;
        bool gzipped;
        using (var stream = DataFiles.Open(path, "CIFAR-10 batch"))
        using (var buffer = new MemoryStream())
        {
            gzipped = stream is VerifiedGzipStream;
            stream.CopyTo(buffer);
            content = buffer.ToArray();
        }

        var size = IdxFile.Count(content.Length) + (content.Length == 1 ? " byte" : " bytes") + (gzipped ? " once decompressed" : string.Empty);
        var record = $"{IdxFile.Count(RecordLength)}-byte records (a label byte, then {IdxFile.Count(PixelsPerImage)} bytes of red, green and blue 32 × 32 planes)";
        if (content.Length == 0)
        {
            throw new DataFormatException(path, $"is empty; a CIFAR-10 batch is a sequence of {record}.");
        }

        if (content.Length % RecordLength != 0)
        {
            throw new DataFormatException(
                path,
                $"holds {size}, not a whole number of {record}: {IdxFile.Count(content.Length / RecordLength)} whole records and {IdxFile.Count(content.Length % RecordLength)} bytes of a cut one (truncated, or not a CIFAR-10 batch).");
        }

        var count = content.Length / RecordLength;
        var labels = new byte[count];
        var pixels = new byte[(long)count * PixelsPerImage];
        for (var i = 0; i < count; i++)
        {
            var label = content[i * RecordLength];
            if (label >= classNames.Count)
            {
                throw new DataFormatException(
                    path,
                    $"has label {label.ToString(CultureInfo.InvariantCulture)} in record {i.ToString(CultureInfo.InvariantCulture)} (byte {IdxFile.Count((long)i * RecordLength)}); CIFAR-10 labels are 0 to {(classNames.Count - 1).ToString(CultureInfo.InvariantCulture)} (a CIFAR-100 batch has two label bytes per record and cannot be read as CIFAR-10).");
            }

            labels[i] = label;
            Buffer.BlockCopy(content, i * RecordLength + 1, pixels, i * PixelsPerImage, PixelsPerImage);
        }

        return (labels, pixels);
    }
}
