using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Runtime.Tests.Data.Series;

// Worked examples from the Keras documentation, on series whose value at step i is i, so a window's
// values are the step indices Keras lists.
public sealed class TimeseriesWindowsTests
{
    private static float[][] Rows(TorchSharp.torch.Tensor inputs) =>
        Enumerable.Range(0, (int)inputs.shape[0]).Select(i => inputs[i].data<float>().ToArray()).ToArray();

    [Fact]
    public void KerasTimeseriesGeneratorExample()
    {
        // TimeseriesGenerator(data, targets, length=10, sampling_rate=2, batch_size=2) over 0..49:
        // 20 batches, the first x = [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]], y = [10, 11]. Its length of 10
        // steps taken every 2 is 5 values, and the target is 2 steps after the last one.
        var windows = SeriesData.Ramp(50).Windows(length: 5, batchSize: 2, samplingRate: 2, horizon: 2);

        Assert.Equal(20, windows.Count);
        Assert.Equal(40, windows.WindowCount);
        using var enumerator = windows.GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var batch = enumerator.Current;
        Assert.Equal([2L, 5, 1], batch.Inputs[0].shape);
        Assert.Equal([[0f, 2, 4, 6, 8], [1f, 3, 5, 7, 9]], Rows(batch.Inputs[0]));
        Assert.Equal([2L, 1], batch.Targets[0].shape);
        Assert.Equal([10f, 11], batch.Targets[0].data<float>().ToArray());
    }

    [Fact]
    public void KerasTimeseriesDatasetFromArrayExample()
    {
        // timeseries_dataset_from_array over 0..98 with sequence_length=10, sampling_rate=2,
        // sequence_stride=3: [0 2 ... 18], [3 5 ... 21], [6 8 ... 24], ..., the last [78 80 ... 96].
        var windows = SeriesData.Ramp(99).Windows(length: 10, stride: 3, samplingRate: 2);
        var (inputs, targets) = windows.ToTensors();
        using (inputs)
        using (targets)
        {
            var rows = Rows(inputs);
            Assert.Equal(27, rows.Length);
            Assert.Equal(Enumerable.Range(0, 10).Select(static k => 2f * k), rows[0]);
            Assert.Equal(Enumerable.Range(0, 10).Select(static k => 3f + (2 * k)), rows[1]);
            Assert.Equal(Enumerable.Range(0, 10).Select(static k => 6f + (2 * k)), rows[2]);
            Assert.Equal(Enumerable.Range(0, 10).Select(static k => 78f + (2 * k)), rows[^1]);
            Assert.Equal(Enumerable.Range(0, 27).Select(static i => (3f * i) + 19), targets.data<float>().ToArray());
        }
    }

    [Fact]
    public void NextValueTargetsAsKerasTemporalRegressionExample()
    {
        // Keras: input_data = data[:-10], targets = data[10:], sequence_length=10 over 0..99: the
        // first window is 0..9 with target 10. Here every window whose target exists is made: 90.
        var windows = SeriesData.Ramp(100).Windows(length: 10, batchSize: 32);
        var batches = windows.Select(static b => (Inputs: b.Inputs[0].data<float>().ToArray(), Targets: b.Targets[0].data<float>().ToArray(), Size: b.Size)).ToList();

        Assert.Equal(90, windows.WindowCount);
        Assert.Equal([32L, 32, 26], batches.Select(static b => b.Size));
        Assert.Equal(Enumerable.Range(0, 10).Select(static k => (float)k), batches[0].Inputs.Take(10));
        Assert.Equal(10f, batches[0].Targets[0]);
        Assert.Equal(99f, batches[^1].Targets[^1]);
        Assert.Equal(windows.Series.Timestamps[10], windows.TargetTimestamps[0]);
    }

    [Fact]
    public void TargetsAreEveryFeatureOrTheNamedOne()
    {
        var series = SeriesData.TwoFeatures(6);

        var (inputs, all) = series.Windows(length: 3).ToTensors();
        var (_, one) = series.Windows(length: 3, target: "b").ToTensors();

        Assert.Equal([3L, 3, 2], inputs.shape);
        Assert.Equal([0f, 100, 1, 101, 2, 102], inputs[0].data<float>().ToArray());
        Assert.Equal([3L, 2], all.shape);
        Assert.Equal([3f, 103], all[0].data<float>().ToArray());
        Assert.Equal([3L, 1], one.shape);
        Assert.Equal([103f, 104, 105], one.data<float>().ToArray());
    }

    [Fact]
    public void ShuffledEpochsDealEveryWindowOnceInASeededOrder()
    {
        var series = SeriesData.Ramp(30);
        List<float> Epoch(TimeseriesWindows windows) =>
            windows.SelectMany(static b => b.Targets[0].data<float>().ToArray()).ToList();

        var first = new TimeseriesWindows(series, length: 4, batchSize: 5, shuffle: true, seed: 7);
        var same = new TimeseriesWindows(series, length: 4, batchSize: 5, shuffle: true, seed: 7);
        var (epoch1, epoch2) = (Epoch(first), Epoch(first));

        Assert.Equal(Enumerable.Range(4, 26).Select(static v => (float)v), epoch1.Order());
        Assert.NotEqual(Enumerable.Range(4, 26).Select(static v => (float)v), epoch1);
        Assert.NotEqual(epoch1, epoch2);
        Assert.Equal(epoch1, Epoch(same));
        Assert.NotEqual(epoch1, Epoch(new TimeseriesWindows(series, length: 4, batchSize: 5, shuffle: true, seed: 8)));

        // Windows stay whole: each target is one step after its window's last value.
        foreach (var batch in first)
        {
            var inputs = batch.Inputs[0];
            var targets = batch.Targets[0].data<float>().ToArray();
            for (var i = 0; i < targets.Length; i++)
            {
                Assert.Equal(targets[i] - 1, inputs[i, 3, 0].item<float>());
            }
        }
    }

    [Fact]
    public void ABatchIsDisposedWhenTheNextIsTaken()
    {
        using var enumerator = SeriesData.Ramp(10).Windows(length: 2, batchSize: 4).GetEnumerator();
        Assert.True(enumerator.MoveNext());
        var first = enumerator.Current.Inputs[0];

        Assert.True(enumerator.MoveNext());

        Assert.True(first.IsInvalid);
        Assert.False(enumerator.Current.Inputs[0].IsInvalid);
    }

    [Fact]
    public void AWindowLongerThanTheValidationSpanIsAnErrorNamingIt()
    {
        var split = ChronologicalSplit.ByFraction(SeriesData.Ramp(100), validationFraction: 0.1, testFraction: 0.1);

        var error = Assert.Throws<ArgumentException>(() => split.Validation.Windows(length: 10));

        Assert.StartsWith(
            "The validation span 2025-07-14 to 2025-09-15 (10 steps, weekly, 1 feature) is too short for a window of 10 values and the next value as its target: they need 11 steps. Use a shorter window or a longer span.",
            error.Message);
        Assert.Equal(1, split.Validation.Windows(length: 9).WindowCount);
        var sampled = Assert.Throws<ArgumentException>(() => split.Test.Windows(length: 4, samplingRate: 3, horizon: 2));
        Assert.StartsWith("The test span 2025-09-22 to 2025-11-24 (10 steps, weekly, 1 feature) is too short for a window of 4 values taken every 3 steps and a target 2 steps ahead: they need 12 steps.", sampled.Message);
    }

    [Fact]
    public void MissingValuesMustBeFilledFirst()
    {
        var series = new TimeSeries(SeriesData.Weeks(5), [1.0, double.NaN, 3, 4, 5]);

        var error = Assert.Throws<ArgumentException>(() => series.Windows(length: 2));

        Assert.StartsWith("The series 2024-01-01 to 2024-01-29 (5 steps, weekly, 1 feature) has 1 missing values; fill them (TimeSeries.Interpolate) before cutting windows.", error.Message);
        Assert.Equal(3, series.Interpolate().Windows(length: 2).WindowCount);
    }

    [Fact]
    public void FitTrainsOnWindowsAndValidatesOnTheValidationSpan()
    {
        var split = ChronologicalSplit.ByFraction(SeriesData.Ramp(60, first: 1), 0.2, 0.1);
        using var scaler = new MinMaxScaler();
        var scaled = split.Scale(scaler);
        using var model = new WindowNet(4, new NetGen.Optimizers.Adam(learningRate: 0.05), seed: 3);

        var history = model.Fit(
            scaled.Training.Windows(length: 4, batchSize: 8, shuffle: true, seed: 1),
            epochs: 30,
            validationData: scaled.Validation.Windows(length: 4),
            verbose: Verbosity.Silent);

        Assert.Equal(30, history.Epochs);
        Assert.True(history["loss"][^1] < history["loss"][0] / 10, $"loss {history["loss"][0]} -> {history["loss"][^1]}");
        Assert.Equal(30, history["val_loss"].Count);
    }
}
