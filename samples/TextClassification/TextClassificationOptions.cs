using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Samples.TextClassification;

/// <summary>How the sample reads the messages and how long each model trains; the defaults are the full run.</summary>
public sealed record TextClassificationOptions
{
    /// <summary>The rows of every network's <c>[Embedding(10_000, 32)]</c>: the vocabulary can hold no more ids.</summary>
    public const int EmbeddingRows = 10_000;

    /// <summary>The models the sample can train, in the order it trains them.</summary>
    public static IReadOnlyList<string> AllModels { get; } = new[] { "SimpleRNN", "LSTM", "GRU", "BiLSTM" };

    /// <summary>The most epochs each model trains; early stopping usually ends it sooner.</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>Messages per training step.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>
    /// Words kept per message (Keras's <c>maxlen</c>, 500 in the guide's IMDB model): longer messages lose
    /// their first words, shorter ones are padded in front (<c>pad_sequences</c>' defaults, <c>pre</c> for both).
    /// On the validation split 500 did slightly better than 100 and 200 (mean validation loss of the four
    /// models 0.224, against 0.236 and 0.251), within the noise of 76 messages.
    /// </summary>
    public int MaxLength { get; init; } = 500;

    /// <summary>The vocabulary's size, its two reserved ids included (Keras's <c>num_words</c>); at most <see cref="EmbeddingRows"/>.</summary>
    public int MaxWords { get; init; } = EmbeddingRows;

    /// <summary>RMSprop's learning rate (the networks declare Keras's default, 1e-3).</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Epochs without a lower validation loss before training stops; the best epoch's weights are restored.</summary>
    public int Patience { get; init; } = 5;

    /// <summary>The share of each class held out for validation (early stopping and the choice of model).</summary>
    public double ValidationFraction { get; init; } = 0.15;

    /// <summary>The share of each class held out for the one final test of each model.</summary>
    public double TestFraction { get; init; } = 0.15;

    /// <summary>Which of <see cref="AllModels"/> to train; all four by default.</summary>
    public IReadOnlyList<string> Models { get; init; } = AllModels;

    /// <summary>
    /// libtorch threads for training and evaluation; null lets NetGen's <c>ThreadPolicy</c> choose. One by
    /// default: these steps are small, and a second thread mostly waits (far worse on a busy machine).
    /// </summary>
    public int? Threads { get; init; } = 1;

    /// <summary>Seeds the split, the initialization and the shuffling.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>The corpus (<c>ham/</c> and <c>spam/</c>); null reads the subset copied beside the program.</summary>
    public string? DataDirectory { get; init; }

    /// <summary>Where the best model's weights and vocabulary are written; null uses a folder in the temporary directory.</summary>
    public string? OutputDirectory { get; init; }

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Epochs, 1, nameof(Epochs));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxLength, 1, nameof(MaxLength));
        ArgumentOutOfRangeException.ThrowIfLessThan(Patience, 0, nameof(Patience));
        if (MaxWords is < 3 or > EmbeddingRows)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxWords), MaxWords, $"The vocabulary needs 3 to {EmbeddingRows:N0} ids: the networks' embeddings have {EmbeddingRows:N0} rows.");
        }

        if (!(LearningRate > 0 && double.IsFinite(LearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(LearningRate), LearningRate, "The learning rate must be a positive number.");
        }

        if (Models.Count == 0)
        {
            throw new ArgumentException($"Choose at least one model of {string.Join(", ", AllModels)}.", nameof(Models));
        }

        if (Models.FirstOrDefault(static m => !AllModels.Contains(m)) is { } unknown)
        {
            throw new ArgumentException($"Unknown model '{unknown}'; choose one or more of {string.Join(", ", AllModels)}.", nameof(Models));
        }
    }
}
