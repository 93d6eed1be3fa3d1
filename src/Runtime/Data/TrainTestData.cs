using System;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// The four parts of a train/test split, in scikit-learn's order; deconstructs as
/// <c>var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(x, y, 0.2, seed: 42);</c>.
/// </summary>
/// <param name="XTrain">Training features.</param>
/// <param name="XTest">Test features.</param>
/// <param name="YTrain">Training labels, row for row with <paramref name="XTrain"/>.</param>
/// <param name="YTest">Test labels, row for row with <paramref name="XTest"/>.</param>
public sealed record TrainTestData(Tensor XTrain, Tensor XTest, Tensor YTrain, Tensor YTest) : IDisposable
{
    /// <summary>Frees the four tensors.</summary>
    public void Dispose()
    {
        XTrain.Dispose();
        XTest.Dispose();
        YTrain.Dispose();
        YTest.Dispose();
    }
}
