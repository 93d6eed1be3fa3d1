using System;
using System.IO;

namespace NetGen.Samples.ImageFolders;

/// <summary>How big the sample's image folder is, where it goes and how long the network trains; the defaults are the full run.</summary>
public sealed record ImageFolderSampleOptions
{
    /// <summary>Training images written per class (a fifth of them are held out for validation when the folder is opened).</summary>
    public int ImagesPerClass { get; init; } = 300;

    /// <summary>Test images written per class into <c>unseen/</c> and predicted one file at a time.</summary>
    public int UnseenPerClass { get; init; } = 5;

    /// <summary>Passes over the training subset.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Where the image folder is written, or reused when an earlier run wrote it with the same settings; a directory under the system's temporary directory when null.</summary>
    public string? Directory { get; init; }

    /// <summary>Use the full Fashion-MNIST when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository (200 training and 50 test images per class).</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>
    /// libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose.
    /// One by default: on this network's small steps a second thread gained nothing on a quiet 2-core
    /// machine and made the default run 7 times slower on a loaded one (50 s against 7 s of training).
    /// </summary>
    public int? Threads { get; init; } = 1;

    /// <summary>Seeds the initialization, dropout, the folder's validation split, shuffling and augmentation.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The directory used: <see cref="Directory"/>, or <c>netgen-image-folder</c> in the temporary directory.</summary>
    public string ResolvedDirectory => Directory ?? Path.Combine(Path.GetTempPath(), "netgen-image-folder");

    internal void Validate()
    {
        // At least five per class, so that a fifth of them leaves validation images.
        ArgumentOutOfRangeException.ThrowIfLessThan(ImagesPerClass, 5, nameof(ImagesPerClass));
        ArgumentOutOfRangeException.ThrowIfLessThan(UnseenPerClass, 1, nameof(UnseenPerClass));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(UnseenPerClass, 99, nameof(UnseenPerClass));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(ImagesPerClass, 9999, nameof(ImagesPerClass));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        if (Threads is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(Threads), Threads, "At least one thread.");
        }
    }
}
