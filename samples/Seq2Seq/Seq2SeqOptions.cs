using System;

namespace NetGen.Samples.Seq2Seq;

/// <summary>The task, how much of it the networks see, and how they train and decode; the defaults are the full run.</summary>
public sealed record Seq2SeqOptions
{
    /// <summary>
    /// What the networks learn. Reversal of long strings is the default: it shows both what
    /// attention adds and what beam search recovers from a network without it.
    /// </summary>
    public DigitTask Task { get; init; } = DigitTask.Reverse;

    /// <summary>The most digits of the string (reversal) or of each operand (addition); null takes the task's default, <see cref="DefaultDigits"/>.</summary>
    public int? Digits { get; init; }

    /// <summary><see cref="Digits"/>, or the task's default: strings of up to 12 digits, operands of up to 3 (Keras's addition example).</summary>
    public int DigitCount => Digits ?? DefaultDigits(Task);

    /// <summary>Training examples.</summary>
    public int TrainCount { get; init; } = 20_000;

    /// <summary>Validation examples, drawn with their own seed: the loss and per-step accuracy reported after each epoch.</summary>
    public int ValidationCount { get; init; } = 1_000;

    /// <summary>Test examples, drawn with their own seed and decoded for the exact-match table.</summary>
    public int TestCount { get; init; } = 1_000;

    /// <summary>Passes over the training examples, for each network.</summary>
    public int Epochs { get; init; } = 8;

    /// <summary>Examples per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Hypotheses kept per source by beam search (k).</summary>
    public int BeamWidth { get; init; } = 3;

    /// <summary>libtorch threads for training and decoding (one is fastest for networks this small, more so on a busy machine); null lets NetGen's <c>ThreadPolicy</c> choose.</summary>
    public int? Threads { get; init; } = 1;

    /// <summary>Seeds the examples, the initialization and the shuffling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The digits a task takes unless told: 12 for reversal, 3 for addition.</summary>
    public static int DefaultDigits(DigitTask task) => task == DigitTask.Addition ? 3 : 12;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(DigitCount, 1, nameof(Digits));
        if (Task == DigitTask.Addition)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan(DigitCount, 18, nameof(Digits));
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
