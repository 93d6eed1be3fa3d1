using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// Reads IDX files, the format of MNIST and Fashion-MNIST (<c>*-images-idx3-ubyte</c>,
/// <c>*-labels-idx1-ubyte</c>), gzipped or not: gzip is recognised by its content, not the name,
/// and a gzipped file must end with a matching CRC-32 and length. Every file is checked to hold
/// exactly the bytes its header declares; errors name the file and the sizes.
/// </summary>
public static class IdxLoader
{
    /// <summary>Reads an images file (magic number 0x00000803) as (images, 1, rows, columns).</summary>
    /// <param name="path">The file.</param>
    /// <param name="pixels">float32 in [0, 1] (the default), or the bytes as stored.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is not an IDX file of unsigned-byte images, or is truncated, longer than declared or a broken gzip file.</exception>
    public static Tensor ReadImages(string path, PixelValues pixels = PixelValues.Rescaled)
    {
        ImageTensors.CheckPixels(pixels);
        var file = IdxFile.Read(path, "images", "count", "rows", "columns");
        var dimensions = file.Dimensions;
        return ImageTensors.FromBytes(file.Data, [dimensions[0], 1, dimensions[1], dimensions[2]], pixels);
    }

    /// <summary>Reads a labels file (magic number 0x00000801) as int64 class ids, (labels).</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    /// <exception cref="DataFormatException">The file is not an IDX file of unsigned-byte labels, or is truncated, longer than declared or a broken gzip file.</exception>
    public static Tensor ReadLabels(string path)
    {
        var file = IdxFile.Read(path, "labels", "count");
        using var bytes = tensor(file.Data, dtype: ScalarType.Byte);
        return bytes.to_type(ScalarType.Int64);
    }

    /// <summary>Reads an images file and its labels file, which must hold as many items, with class names.</summary>
    /// <param name="imagesPath">The images file (idx3).</param>
    /// <param name="labelsPath">The labels file (idx1).</param>
    /// <param name="classNames">One name per class; every label must be below their number. Null names the classes by number ("0", "1"... up to the largest label).</param>
    /// <param name="pixels">float32 in [0, 1] (the default), or the bytes as stored.</param>
    /// <exception cref="FileNotFoundException">A file does not exist.</exception>
    /// <exception cref="DataFormatException">A file is broken, the counts differ, or a label has no class name.</exception>
    public static LabeledImages Load(string imagesPath, string labelsPath, IReadOnlyList<string>? classNames = null, PixelValues pixels = PixelValues.Rescaled)
    {
        ImageTensors.CheckPixels(pixels);
        var labels = ReadLabels(labelsPath);
        try
        {
            var images = ReadImages(imagesPath, pixels);
            var imageCount = images.shape[0];
            if (imageCount != labels.shape[0])
            {
                images.Dispose();
                throw new DataFormatException(
                    imagesPath,
                    $"holds {IdxFile.Count(imageCount)} images but {Path.GetFileName(labelsPath)} holds {IdxFile.Count(labels.shape[0])} labels; an images file and its labels file have one label per image.");
            }

            var largest = labels.shape[0] == 0 ? -1 : labels.max().item<long>();
            if (classNames is not null && largest >= classNames.Count)
            {
                images.Dispose();
                using var classCount = classNames.Count.ToScalar();
                var row = labels.ge(classCount).nonzero()[0, 0].item<long>();
                throw new DataFormatException(
                    labelsPath,
                    $"has label {largest.ToString(CultureInfo.InvariantCulture)} (first out-of-range label at index {row.ToString(CultureInfo.InvariantCulture)}), but there are only {classNames.Count.ToString(CultureInfo.InvariantCulture)} class names.");
            }

            var names = classNames?.ToArray() ?? Enumerable.Range(0, (int)largest + 1).Select(static i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
            return new LabeledImages(images, labels, names);
        }
        catch
        {
            labels.Dispose();
            throw;
        }
    }
}
