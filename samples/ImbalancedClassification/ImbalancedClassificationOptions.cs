using System;

namespace NetGen.Samples.ImbalancedClassification;

/// <summary>How imbalanced the table is made and how long the two runs train; the defaults are the README's run.</summary>
public sealed record ImbalancedClassificationOptions
{
    /// <summary>
    /// Passes over the training rows, the same for both runs. Keras's example trains 30 (of 2048-row batches); on
    /// this small, nearly separable table 15 epochs of 32-row batches already reach a test accuracy near 0.99 without weights.
    /// </summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Rows per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// How many of the 212 malignant rows are kept beside all 357 benign ones: 30 makes the positive
    /// class 7.8% of the rows, about the share of a rare class the class weights are meant for.
    /// </summary>
    public int MinorityCount { get; init; } = 30;

    /// <summary>The share of the rows held out for the test (stratified, so the test split is as imbalanced as the training split).</summary>
    public double TestFraction { get; init; } = 0.25;

    /// <summary>Seeds the choice of malignant rows, the split, the initialization, dropout and shuffling (the same for both runs).</summary>
    public int Seed { get; init; } = 42;

    /// <summary>
    /// How many seeds the comparison is repeated with (<see cref="Seed"/> and the next ones, each with its own
    /// rows, split and initialization), printed as one line per seed and totals: with a handful of positives in
    /// the test split one run is one draw, and a catch more or less can be luck. 1 runs the comparison once.
    /// </summary>
    public int Repeats { get; init; } = 5;

    /// <summary>libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose (one thread for a network this small).</summary>
    public int? Threads { get; init; }

    /// <summary>Print Fit's line per epoch.</summary>
    public bool ShowEpochs { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinorityCount, 4, nameof(MinorityCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Repeats, 1, nameof(Repeats));
        if (!(TestFraction > 0 && TestFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(TestFraction), TestFraction, "The test fraction must be between 0 and 1 (exclusive).");
        }
    }
}
