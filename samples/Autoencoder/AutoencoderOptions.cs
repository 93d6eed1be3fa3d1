using System;
using System.IO;

namespace NetGen.Samples.Autoencoder;

/// <summary>How much of Fashion-MNIST the sample uses and how long it trains; the defaults are the full run.</summary>
public sealed record AutoencoderOptions
{
    /// <summary>Passes over the training images.</summary>
    public int Epochs { get; init; } = 50;

    /// <summary>Images per training step.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>At most this many training images; null takes all.</summary>
    public int? MaxTrainCount { get; init; }

    /// <summary>At most this many test images; null takes all.</summary>
    public int? MaxTestCount { get; init; }

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>Print the running loss every this many steps within an epoch; 0 prints only the epoch lines.</summary>
    public int ProgressEvery { get; init; } = 100;

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization and the shuffling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where the PNG grid of originals and reconstructions is written.</summary>
    public string OutputDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "netgen-autoencoder");

    /// <summary>Test images shown in the grid, one column each.</summary>
    public int GridImages { get; init; } = 10;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(ProgressEvery, nameof(ProgressEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(GridImages, 1, nameof(GridImages));
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory, nameof(OutputDirectory));
    }
}
