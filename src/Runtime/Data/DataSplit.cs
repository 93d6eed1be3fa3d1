using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>Seeded train/test splits that select the same rows for the same seed on every run and machine.</summary>
public static class DataSplit
{
    /// <summary>
    /// Splits samples into a training and a test part, as scikit-learn's <c>train_test_split</c>:
    /// the test part has <c>ceil(testFraction * samples)</c> rows.
    /// </summary>
    /// <param name="x">Features; the first axis is the sample axis.</param>
    /// <param name="y">Labels, one per sample of <paramref name="x"/>.</param>
    /// <param name="testFraction">The share of samples held out for testing, in (0, 1).</param>
    /// <param name="seed">Chooses the permutation; the same seed gives the same split everywhere
    /// (a private generator is used, never TorchSharp's global one).</param>
    /// <param name="shuffle">Without shuffling the training part is the first rows and the test part the last, as
    /// scikit-learn's <c>shuffle=False</c>: ordered data such as a time series is then tested on its most recent part.</param>
    /// <param name="stratify">Class labels (often <paramref name="y"/> itself), one per sample: each
    /// class then keeps its share in both parts. Needs <paramref name="shuffle"/> and two samples per class.</param>
    /// <returns>
    /// The parts, on the devices of <paramref name="x"/> and <paramref name="y"/>. Their <see cref="DataRole"/>s:
    /// a split of training data gives training and validation parts, a split of data without a role training
    /// and held-out parts, a split of test data a validation part and a test part (half of a test set often
    /// becomes the validation set; the other half, never seen, still tests), and a split of validation data
    /// two validation parts.
    /// </returns>
    public static TrainTestData TrainTestSplit(Tensor x, Tensor y, double testFraction = 0.25, int seed = 0, bool shuffle = true, Tensor? stratify = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be between 0 and 1 (exclusive).");
        }

        if (x.dim() == 0 || y.dim() == 0)
        {
            throw new ArgumentException("Features and labels need a sample axis; got a scalar.");
        }

        var count = x.shape[0];
        if (y.shape[0] != count)
        {
            throw new ArgumentException($"Features have {count} rows but labels have {y.shape[0]}.", nameof(y));
        }

        var testCount = (long)Math.Ceiling(testFraction * count);
        if (testCount >= count)
        {
            throw new ArgumentException(
                $"A test fraction of {testFraction.ToString(CultureInfo.InvariantCulture)} of {count} samples leaves no training samples.",
                nameof(testFraction));
        }

        long[] test, train;
        if (stratify is not null)
        {
            if (!shuffle)
            {
                throw new ArgumentException("A stratified split draws each class's test rows at random, so it needs shuffle: true.", nameof(shuffle));
            }

            (test, train) = Stratified(stratify, count, (int)testCount, seed);
        }
        else
        {
            var order = Enumerable.Range(0, (int)count).Select(static i => (long)i).ToArray();
            if (shuffle)
            {
                new SeededShuffle(seed).Shuffle(order);
                test = order[..(int)testCount];
                train = order[(int)testCount..];
            }
            else
            {
                var trainCount = (int)(count - testCount);
                train = order[..trainCount];
                test = order[trainCount..];
            }
        }

        var (trainRole, testRole) = PartRoles(DataRoles.Find(x) ?? DataRoles.Find(y));
        return new TrainTestData(
            DataRoles.Mark(Rows(x, train), trainRole),
            DataRoles.Mark(Rows(x, test), testRole),
            DataRoles.Mark(Rows(y, train), trainRole),
            DataRoles.Mark(Rows(y, test), testRole));
    }

    /// <summary>
    /// The roles of a split's parts: training data splits into training and validation data, data without a
    /// role into training and held-out data (validation or test, as the code uses it), test data into
    /// validation data and the test data that stays unseen, and validation data stays validation data.
    /// </summary>
    private static (DataRole Train, DataRole Test) PartRoles(DataRole? whole) => whole switch
    {
        null => (DataRole.Training, DataRole.HeldOut),
        DataRole.Training => (DataRole.Training, DataRole.Validation),
        DataRole.Test => (DataRole.Validation, DataRole.Test),
        { } role => (role, role),
    };

    private static Tensor Rows(Tensor source, long[] rows)
    {
        using var index = tensor(rows, device: source.device);
        return source.index_select(0, index);
    }

    /// <summary>
    /// Gives each class <c>testFraction</c> of its samples, rounding so the total is exactly
    /// <paramref name="testCount"/>: whole parts first, then the largest remainders (ties to the
    /// smaller class value, for determinism), then shuffles within each class.
    /// </summary>
    private static (long[] Test, long[] Train) Stratified(Tensor stratify, long count, int testCount, int seed)
    {
        if (stratify.shape[0] != count || stratify.numel() != count)
        {
            throw new ArgumentException(
                $"Stratify needs one class label per sample ({count}); got [{string.Join(", ", stratify.shape)}].",
                nameof(stratify));
        }

        var labels = stratify.reshape(-1).cpu().to_type(ScalarType.Float64).data<double>().ToArray();
        var classes = labels
            .Select(static (label, row) => (label, row: (long)row))
            .GroupBy(static pair => pair.label)
            .OrderBy(static group => group.Key)
            .Select(static group => (Label: group.Key, Rows: group.Select(static pair => pair.row).ToArray()))
            .ToArray();

        var smallest = classes.MinBy(static c => c.Rows.Length);
        if (smallest.Rows.Length < 2)
        {
            throw new ArgumentException(
                $"Class {smallest.Label.ToString(CultureInfo.InvariantCulture)} has only one sample; a stratified split needs at least two per class.",
                nameof(stratify));
        }

        var fraction = (double)testCount / count;
        var shares = classes.Select(c => c.Rows.Length * fraction).ToArray();
        var take = shares.Select(static s => (int)Math.Floor(s)).ToArray();
        var remaining = testCount - take.Sum();
        foreach (var c in Enumerable.Range(0, classes.Length).OrderByDescending(c => shares[c] - take[c]).ThenBy(static c => c))
        {
            if (remaining == 0)
            {
                break;
            }

            // Never take a class's last sample: it must stay in training.
            if (take[c] < classes[c].Rows.Length - 1)
            {
                take[c]++;
                remaining--;
            }
        }

        if (remaining > 0)
        {
            throw new ArgumentException(
                $"A test part of {testCount} samples would leave some of the {classes.Length} classes without a training sample; use a smaller test fraction.",
                nameof(stratify));
        }

        var random = new SeededShuffle(seed);
        var test = new List<long>(testCount);
        var train = new List<long>((int)count - testCount);
        for (var c = 0; c < classes.Length; c++)
        {
            var rows = classes[c].Rows;
            random.Shuffle(rows);
            test.AddRange(rows[..take[c]]);
            train.AddRange(rows[take[c]..]);
        }

        // Without this the parts would be sorted by class, which batching would inherit.
        var testRows = test.ToArray();
        var trainRows = train.ToArray();
        random.Shuffle(testRows);
        random.Shuffle(trainRows);
        return (testRows, trainRows);
    }
}
