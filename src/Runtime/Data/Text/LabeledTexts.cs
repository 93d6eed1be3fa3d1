using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data.Text;

/// <summary>
/// Texts with one class id each, and where each text came from: a text-classification data set
/// or one split of it.
/// </summary>
/// <param name="Texts">The texts.</param>
/// <param name="Labels">The class id of each text: an index into <paramref name="ClassNames"/>.</param>
/// <param name="Sources">Where each text came from (its file), for error messages and inspection.</param>
/// <param name="ClassNames">The name of each class id, e.g. <c>ham</c> for 0 and <c>spam</c> for 1.</param>
public sealed record LabeledTexts(IReadOnlyList<string> Texts, IReadOnlyList<int> Labels, IReadOnlyList<string> Sources, IReadOnlyList<string> ClassNames)
{
    /// <summary>The number of texts.</summary>
    public int Count => Texts.Count;

    /// <summary>The labels as float32 [texts, 1]: the targets of a one-unit sigmoid output trained with binary cross-entropy.</summary>
    public Tensor LabelTensor() => DataRoles.Keep(tensor(Labels.Select(static label => (float)label).ToArray(), new long[] { Labels.Count, 1 }), this);

    /// <summary>The labels as int64 [texts]: the targets of a softmax output trained with sparse categorical cross-entropy.</summary>
    public Tensor ClassIdTensor() => DataRoles.Keep(tensor(Labels.Select(static label => (long)label).ToArray(), new long[] { Labels.Count }), this);

    /// <summary>
    /// Splits the texts into training, validation and test parts, stratified: each class keeps its
    /// share in every part (each class gives <c>round(fraction × its count)</c> texts to validation
    /// and to test, the rest to training). The same seed gives the same parts on every machine and
    /// run. Within a part the texts are shuffled, so no part is sorted by class.
    /// The parts have the training, validation and test <see cref="DataRole"/>, which their <see cref="LabelTensor"/> and <see cref="ClassIdTensor"/> keep.
    /// </summary>
    /// <param name="validationFraction">The share of each class held out for validation, in [0, 1); 0 gives an empty validation part.</param>
    /// <param name="testFraction">The share of each class held out for the final test, in [0, 1).</param>
    /// <param name="seed">Chooses which texts go where.</param>
    /// <exception cref="ArgumentOutOfRangeException">A fraction is outside [0, 1), or the two together leave no training texts.</exception>
    /// <exception cref="ArgumentException">A class would have no training text.</exception>
    public LabeledTextSplits Split(double validationFraction = 0.15, double testFraction = 0.15, int seed = 0)
    {
        CheckFraction(validationFraction, nameof(validationFraction));
        CheckFraction(testFraction, nameof(testFraction));
        if (validationFraction + testFraction >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, string.Create(CultureInfo.InvariantCulture, $"Validation ({validationFraction}) and test ({testFraction}) together must leave texts for training."));
        }

        var random = new SeededShuffle(seed);
        var train = new List<int>();
        var validation = new List<int>();
        var test = new List<int>();
        foreach (var group in Enumerable.Range(0, Count).GroupBy(i => Labels[i]).OrderBy(static g => g.Key))
        {
            var rows = group.ToArray();
            random.Shuffle(rows);
            var testCount = (int)Math.Round(testFraction * rows.Length, MidpointRounding.AwayFromZero);
            var validationCount = (int)Math.Round(validationFraction * rows.Length, MidpointRounding.AwayFromZero);
            if (testCount + validationCount >= rows.Length)
            {
                throw new ArgumentException($"Class '{NameOf(group.Key)}' has {rows.Length} texts: holding out {validationCount} for validation and {testCount} for test leaves none for training.");
            }

            test.AddRange(rows[..testCount]);
            validation.AddRange(rows[testCount..(testCount + validationCount)]);
            train.AddRange(rows[(testCount + validationCount)..]);
        }

        return new LabeledTextSplits(
            DataRoles.Mark(Subset(train, random), DataRole.Training),
            DataRoles.Mark(Subset(validation, random), DataRole.Validation),
            DataRoles.Mark(Subset(test, random), DataRole.Test));
    }

    private LabeledTexts Subset(List<int> rows, SeededShuffle random)
    {
        var order = rows.ToArray();
        random.Shuffle(order);
        return new LabeledTexts(
            order.Select(i => Texts[i]).ToArray(),
            order.Select(i => Labels[i]).ToArray(),
            order.Select(i => Sources[i]).ToArray(),
            ClassNames);
    }

    private string NameOf(int label) => label >= 0 && label < ClassNames.Count ? ClassNames[label] : label.ToString(CultureInfo.InvariantCulture);

    private static void CheckFraction(double fraction, string name)
    {
        if (!(fraction >= 0 && fraction < 1))
        {
            throw new ArgumentOutOfRangeException(name, fraction, "A fraction must be in [0, 1).");
        }
    }
}

/// <summary>The training, validation and test parts of a <see cref="LabeledTexts"/> (see <see cref="LabeledTexts.Split"/>).</summary>
/// <param name="Train">Build the vocabulary and fit the model on these only.</param>
/// <param name="Validation">For early stopping and model choice.</param>
/// <param name="Test">For the final, reported evaluation.</param>
public sealed record LabeledTextSplits(LabeledTexts Train, LabeledTexts Validation, LabeledTexts Test);
