using System;

namespace NetGen.Samples.FashionCnn;

/// <summary>How much of Fashion-MNIST the sample uses and how long it trains; the defaults are the full run.</summary>
public sealed record FashionCnnOptions
{
    /// <summary>Passes over the training images.</summary>
    public int Epochs { get; init; } = 1;

    /// <summary>Images per training step (the guide's 32).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>At most this many training images, before the validation images are set aside; null takes all.</summary>
    public int? MaxTrainCount { get; init; }

    /// <summary>At most this many test images; null takes all.</summary>
    public int? MaxTestCount { get; init; }

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>The share of the training images held out for validation (stratified); the test split is never used for it.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>Print the running loss and accuracy every this many steps within an epoch; 0 prints only the epoch lines.</summary>
    public int ProgressEvery { get; init; } = 200;

    /// <summary>Where the learning-curves PNG is written; the system's temporary directory when null.</summary>
    public string? OutputDirectory { get; init; }

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose (all cores for a network this size).</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization, dropout, shuffling and the validation split.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(ProgressEvery, nameof(ProgressEvery));
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation fraction must be between 0 and 1 (exclusive).");
        }
    }
}
