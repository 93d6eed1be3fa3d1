using System;

namespace NetGen.Samples.DenoisingAutoencoder;

/// <summary>How much of Fashion-MNIST the sample uses, how long it trains and where it writes; the defaults are the full run.</summary>
public sealed record DenoisingOptions
{
    /// <summary>Passes over the training images, for each of the two networks.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>Images per training step.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>At most this many training images; null takes all.</summary>
    public int? MaxTrainCount { get; init; }

    /// <summary>At most this many test images; null takes all.</summary>
    public int? MaxTestCount { get; init; }

    /// <summary>
    /// Standard deviation of the noise added once to the test images (then clipped to [0, 1]).
    /// The networks are trained with the noise their declarations give, <see cref="Noise.Stddev"/>
    /// (an attribute argument, fixed at build time); another value measures them on noise they were not trained for.
    /// </summary>
    public double NoiseStddev { get; init; } = Noise.Stddev;

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>Print the running loss every this many steps within an epoch; 0 prints only the epoch lines.</summary>
    public int ProgressEvery { get; init; } = 100;

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization, the shuffling, the training noise and the test images' noise.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Where the PNG grid is written; <c>netgen-denoising</c> in the temporary directory when null.</summary>
    public string? OutputDirectory { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(ProgressEvery, nameof(ProgressEvery));
        if (!(NoiseStddev >= 0 && NoiseStddev < double.PositiveInfinity))
        {
            throw new ArgumentOutOfRangeException(nameof(NoiseStddev), NoiseStddev, "The test noise's standard deviation must be a finite number, 0 or more.");
        }
    }
}
