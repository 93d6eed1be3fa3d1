using System;

namespace NetGen.Samples.TransferLearning;

/// <summary>How much of Fashion-MNIST the sample uses and how long each phase trains; the defaults are the full run.</summary>
public sealed record TransferLearningOptions
{
    /// <summary>Passes over the training images in each phase.</summary>
    public int Epochs { get; init; } = 3;

    /// <summary>Images per training step (the guide's 128).</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>At most this many training images of all ten classes, before each phase takes its five; null takes all.</summary>
    public int? MaxTrainCount { get; init; }

    /// <summary>At most this many test images of all ten classes; null takes all.</summary>
    public int? MaxTestCount { get; init; }

    /// <summary>Use the full set when Debian's dataset-fashion-mnist is installed; false always takes the subset shipped in the repository.</summary>
    public bool UseFullSet { get; init; } = true;

    /// <summary>The share of each phase's training images held out for validation (stratified); the test split is never used for it.</summary>
    public double ValidationFraction { get; init; } = 0.1;

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; }

    /// <summary>Seeds the initialization, dropout, shuffling and the validation splits.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        if (!(ValidationFraction > 0 && ValidationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ValidationFraction), ValidationFraction, "The validation fraction must be between 0 and 1 (exclusive).");
        }
    }
}
