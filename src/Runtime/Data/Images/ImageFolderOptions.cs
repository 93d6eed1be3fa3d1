using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;

namespace NetGen.Data.Images;

/// <summary>
/// How an image folder is read (Keras's <c>image_dataset_from_directory</c> arguments): the size and
/// channels images are loaded with, the rescale factor, labels, the seeded validation split,
/// the background workers and what to do with unreadable files.
/// </summary>
public sealed record ImageFolderOptions
{
    /// <summary>Every image is resized to this (height, width). Keras's default is (256, 256).</summary>
    public (int Height, int Width) ImageSize { get; init; } = (256, 256);

    /// <summary>Three channels or one.</summary>
    public ColorMode ColorMode { get; init; } = ColorMode.Rgb;

    /// <summary>How images are resampled to <see cref="ImageSize"/>.</summary>
    public ImageInterpolation Interpolation { get; init; } = ImageInterpolation.Bilinear;

    /// <summary>Multiplies every pixel value (0-255) after augmentation, e.g. 1/255f for values in [0, 1]. 1 keeps the bytes' values.</summary>
    public float Rescale { get; init; } = 1;

    /// <summary>The targets' form: class indices, one-hot rows, or 0/1 for two classes.</summary>
    public LabelMode LabelMode { get; init; } = LabelMode.Int;

    /// <summary>
    /// The class folders to use, in class-index order; null takes every sub-folder, sorted by
    /// ordinal name (Keras's <c>class_names</c>).
    /// </summary>
    public IReadOnlyList<string>? ClassNames { get; init; }

    /// <summary>Fraction in [0, 1) of the files held out as the validation subset (after a seeded shuffle).</summary>
    public double ValidationSplit { get; init; }

    /// <summary>
    /// Seeds the split, the per-epoch shuffling and the augmentation; null draws one when the
    /// folder is opened (<see cref="ImageFolder.Seed"/> tells which, to repeat a run).
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>Background threads that read, decode and augment batches. At least 1.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>Batches made ahead of training, at most: the bound of the prefetch queue. At least 1.</summary>
    public int PrefetchBatches { get; init; } = 4;

    /// <summary>Throw on an unreadable file, or skip it with a warning.</summary>
    public UnreadableImagePolicy UnreadableFiles { get; init; } = UnreadableImagePolicy.Throw;

    /// <summary>Where a skipped file's warning is written; the standard error stream when null.</summary>
    public TextWriter? Warnings { get; init; }

    /// <summary>The network input a batch's images feed; used when <see cref="OutputName"/> is set.</summary>
    public string InputName { get; init; } = "input";

    /// <summary>
    /// The output layer the labels are targets of. Null makes positional batches (images, labels)
    /// for a network with one input and one output; set it to make batches by name
    /// (<see cref="InputName"/> and this).
    /// </summary>
    public string? OutputName { get; init; }

    /// <summary>Whether a batch's tensors are disposed when the next batch is asked for (as TorchSharp's <c>DataLoader</c> does). Keep batches only with this off.</summary>
    public bool DisposeBatches { get; init; } = true;

    internal void Validate()
    {
        var (height, width) = ImageSize;
        if (height < 1 || width < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ImageSize), ImageSize, "Images need a height and width of at least 1.");
        }

        if (!Enum.IsDefined(ColorMode))
        {
            throw new ArgumentOutOfRangeException(nameof(ColorMode), ColorMode, "Unknown colour mode.");
        }

        if (!Enum.IsDefined(Interpolation))
        {
            throw new ArgumentOutOfRangeException(nameof(Interpolation), Interpolation, "Unknown interpolation.");
        }

        if (!Enum.IsDefined(LabelMode))
        {
            throw new ArgumentOutOfRangeException(nameof(LabelMode), LabelMode, "Unknown label mode.");
        }

        if (!float.IsFinite(Rescale) || Rescale == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(Rescale), Rescale, "The rescale factor must be a finite number other than 0.");
        }

        if (!(ValidationSplit >= 0 && ValidationSplit < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationSplit), ValidationSplit, string.Create(CultureInfo.InvariantCulture, $"The validation split must be in [0, 1); it is {ValidationSplit}."));
        }

        if (Workers < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Workers), Workers, "At least one worker reads the images.");
        }

        if (PrefetchBatches < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PrefetchBatches), PrefetchBatches, "At least one batch is made ahead.");
        }

        if (string.IsNullOrEmpty(InputName))
        {
            throw new ArgumentException("The input name must not be empty.", nameof(InputName));
        }
    }
}
