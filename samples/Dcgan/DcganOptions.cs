using System;

namespace NetGen.Samples.Dcgan;

/// <summary>How much of Fashion-MNIST the sample uses, how long it trains and where the images go; the defaults are the full run.</summary>
public sealed record DcganOptions
{
    /// <summary>Passes over the training images.</summary>
    public int Epochs { get; init; } = 5;

    /// <summary>Real images per step (and as many generated ones).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>At most this many training images (10,000 by default, to keep the default run short: all 60,000 take about 3 minutes an epoch on two cores); null takes all.</summary>
    public int? MaxTrainCount { get; init; } = 10_000;

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>Save a grid of generated images every this many epochs (and after the last).</summary>
    public int SampleEvery { get; init; } = 1;

    /// <summary>Print the running losses every this many steps within an epoch; 0 prints only the epoch lines.</summary>
    public int ProgressEvery { get; init; } = 100;

    /// <summary>libtorch threads for training; null (the default) lets NetGen's <c>ThreadPolicy</c> choose, which keeps libtorch's count for convolutions of this size.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization, the shuffling, the latent vectors and dropout.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where the PNG grids go.</summary>
    public string OutputDirectory { get; init; } = "dcgan-output";

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(SampleEvery, 1, nameof(SampleEvery));
        ArgumentOutOfRangeException.ThrowIfNegative(ProgressEvery, nameof(ProgressEvery));
        ArgumentException.ThrowIfNullOrEmpty(OutputDirectory, nameof(OutputDirectory));
    }
}
