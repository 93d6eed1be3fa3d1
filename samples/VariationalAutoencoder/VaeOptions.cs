using System;

namespace NetGen.Samples.VariationalAutoencoder;

/// <summary>How much of Fashion-MNIST the sample uses, how long it trains and where it draws; the defaults are the full run.</summary>
public sealed record VaeOptions
{
    /// <summary>Passes over the training images (Keras's example trains 30).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Images per training step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>At most this many training images; null takes all.</summary>
    public int? MaxTrainCount { get; init; }

    /// <summary>At most this many test images; null takes all.</summary>
    public int? MaxTestCount { get; init; }

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>Print the running losses every this many steps within an epoch; 0 prints only the epoch lines.</summary>
    public int ProgressEvery { get; init; } = 100;

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization, the shuffling and the latent draws.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where the PNG files go; null is <c>netgen-vae</c> in the temporary directory.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>Images per side of the decoder's grid over the latent space (Keras's figure has 15).</summary>
    public int GridSize { get; init; } = 15;

    internal string ResolvedOutputDirectory => OutputDirectory ?? System.IO.Path.Combine(System.IO.Path.GetTempPath(), "netgen-vae");

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(ProgressEvery, nameof(ProgressEvery));
        ArgumentOutOfRangeException.ThrowIfLessThan(GridSize, 2, nameof(GridSize));
        if (OutputDirectory is { Length: 0 })
        {
            throw new ArgumentException("The output directory must not be empty.", nameof(OutputDirectory));
        }
    }
}
