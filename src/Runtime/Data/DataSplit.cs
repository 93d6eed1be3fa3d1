using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>The four parts of a train/test split.</summary>
public sealed record TrainTestData(Tensor XTrain, Tensor XTest, Tensor YTrain, Tensor YTest);

/// <summary>Seeded splits that give the same rows for the same seed on every machine.</summary>
public static class DataSplit
{
    /// <summary>
    /// Splits samples into training and test parts, scikit-learn style: the test part has
    /// <c>ceil(testFraction * n)</c> samples; with <paramref name="shuffle"/> the rows are
    /// permuted by a <see cref="Random"/> seeded with <paramref name="seed"/> (not TorchSharp's
    /// global generator, so the split is independent of any other random use).
    /// </summary>
    public static TrainTestData TrainTestSplit(Tensor x, Tensor y, double testFraction = 0.25, int seed = 0, bool shuffle = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (!(testFraction > 0 && testFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(testFraction), testFraction, "The test fraction must be in (0, 1).");
        }

        var count = x.shape[0];
        if (y.shape[0] != count)
        {
            throw new ArgumentException($"Features have {count} rows but labels have {y.shape[0]}.", nameof(y));
        }

        var testCount = (long)Math.Ceiling(testFraction * count);
        if (testCount >= count)
        {
            throw new ArgumentException($"A test fraction of {testFraction} of {count} samples leaves no training samples.", nameof(testFraction));
        }

        var order = Enumerable.Range(0, (int)count).Select(static i => (long)i).ToArray();
        if (shuffle)
        {
            var random = new Random(seed);
            for (var i = order.Length - 1; i > 0; i--)
            {
                var j = random.Next(i + 1);
                (order[i], order[j]) = (order[j], order[i]);
            }
        }

        using var test = tensor(order.Take((int)testCount).ToArray());
        using var train = tensor(order.Skip((int)testCount).ToArray());
        return new TrainTestData(x.index_select(0, train), x.index_select(0, test), y.index_select(0, train), y.index_select(0, test));
    }
}
