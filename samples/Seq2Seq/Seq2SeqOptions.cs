using System;

namespace NetGen.Samples.Seq2Seq;

/// <summary>The task, how much of it the networks see, and how they train and decode; the defaults are the full run.</summary>
public sealed record Seq2SeqOptions
{
    /// <summary>What the networks learn.</summary>
    public DigitTask Task { get; init; } = DigitTask.Addition;

    /// <summary>The most digits of each operand (addition) or of the string (reversal).</summary>
    public int Digits { get; init; } = 3;

    /// <summary>Training examples.</summary>
    public int TrainCount { get; init; } = 20_000;

    /// <summary>Validation examples, drawn with their own seed: the loss and per-step accuracy reported after each epoch.</summary>
    public int ValidationCount { get; init; } = 1_000;

    /// <summary>Test examples, drawn with their own seed and decoded for the exact-match table.</summary>
    public int TestCount { get; init; } = 1_000;

    /// <summary>Passes over the training examples, for each network.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Examples per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Hypotheses kept per source by beam search (k).</summary>
    public int BeamWidth { get; init; } = 3;

    /// <summary>libtorch threads for training and decoding (one is fastest for networks this small, more so on a busy machine); null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; } = 1;

    /// <summary>Seeds the examples, the initialization and the shuffling.</summary>
    public int Seed { get; init; } = 42;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Digits, 1, nameof(Digits));
        if (Task == DigitTask.Addition)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(Digits, 18, nameof(Digits));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(TrainCount, 1, nameof(TrainCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(ValidationCount, 1, nameof(ValidationCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(TestCount, 1, nameof(TestCount));
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(BeamWidth, 1, nameof(BeamWidth));
        if (!Enum.IsDefined(Task))
        {
            throw new ArgumentOutOfRangeException(nameof(Task), Task, "The task must be Addition or Reverse.");
        }
    }
}
