using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>Resident memory stays flat: no epoch leaves tensors behind.</summary>
// Fit(seed:) seeds the process-wide generator and sets libtorch's thread count.
[Collection(ProcessWideState.Name)]
public sealed class MemoryTests
{
    [Fact]
    public void LiveTensorCountIsFlatAcrossEpochs()
    {
        var (x, y) = ToyData.Separable(96, seed: 51);
        using var model = new TinyNet(new NetGen.Optimizers.Adam(), Metric.Accuracy, Metric.RocAuc, Metric.Mae);
        var recorder = new Recorder();

        model.Fit(x, y, epochs: 6, batchSize: 8, validationSplit: 0.25, callbacks: [recorder], verbose: Verbosity.Silent, seed: 1);

        Assert.Equal(6, recorder.LiveTensors.Count);
        // After epoch 1 the optimizer state exists; from then on the count must not grow.
        Assert.Equal(recorder.LiveTensors[1], recorder.LiveTensors[5]);
    }

    [Fact]
    public void EvaluateAndPredictLeaveNothingBehind()
    {
        var (x, y) = ToyData.Separable(40, seed: 52);
        using var model = new TinyNet();
        model.Evaluate(x, y, batchSize: 7);
        using (model.Predict(x, batchSize: 7))
        {
        }

        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var i = 0; i < 3; i++)
        {
            model.Evaluate(x, y, batchSize: 7);
            using (model.Predict(x, batchSize: 7))
            {
            }

            using (model.PredictClasses(x, batchSize: 7))
            {
            }
        }

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void RepeatedFitCallsLeaveNothingBehind()
    {
        var (x, y) = ToyData.Separable(40, seed: 53);
        using var model = new TinyNet();
        var validation = (x[30..], y[30..]);
        model.Fit(x, y, epochs: 1, batchSize: 8, validationSplit: 0.25, verbose: Verbosity.Silent);
        model.Fit(x[..30], y[..30], epochs: 1, batchSize: 8, validationData: validation, verbose: Verbosity.Silent);

        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        for (var i = 0; i < 3; i++)
        {
            model.Fit(x, y, epochs: 1, batchSize: 8, validationSplit: 0.25, verbose: Verbosity.Silent);
        }

        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }
}
