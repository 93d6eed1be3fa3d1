using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>Fit and Evaluate over batches from any source: IEnumerable&lt;Batch&gt; and TorchSharp's DataLoader.</summary>
public sealed class BatchSourceTests
{
    private static IEnumerable<Batch> Positional(Tensor x, Tensor y, int batchSize)
    {
        for (long start = 0; start < x.shape[0]; start += batchSize)
        {
            var length = Math.Min(batchSize, x.shape[0] - start);
            yield return new Batch(x.narrow(0, start, length), y.narrow(0, start, length));
        }
    }

    [Fact]
    public void PositionalBatchesTrainExactlyAsTheSameUnshuffledTensors()
    {
        var (x, y) = ToyData.Separable(20, seed: 71);
        var (vx, vy) = ToyData.Separable(6, seed: 72);
        using var template = new TinyNet();
        using var fromTensors = template.CloneWithOptions(template.CompileOptions);
        using var fromBatches = template.CloneWithOptions(template.CompileOptions);

        var expected = fromTensors.Fit(x, y, epochs: 2, batchSize: 8, shuffle: false, validationData: (vx, vy), verbose: Verbosity.Silent);
        var actual = fromBatches.Fit(Positional(x, y, 8), epochs: 2, validationData: Positional(vx, vy, 4), verbose: Verbosity.Silent);

        Assert.Equal(expected.Values.Keys, actual.Values.Keys);
        Assert.Equal(expected["loss"], actual["loss"]);
        Assert.Equal(expected["val_loss"], actual["val_loss"], new ToleranceComparer(1e-6));
        Assert.True(ToyData.SameState(ToyData.State(fromTensors), ToyData.State(fromBatches)));
    }

    [Fact]
    public void BatchesByNameFeedATwoInputTwoOutputNetwork()
    {
        var (x, y) = ToyData.TwoHead(12, seed: 73);
        using var model = new TwoHeadNet();
        IEnumerable<Batch> Named() => Enumerable.Range(0, 3).Select(i => new Batch(new Dictionary<string, Tensor>
        {
            // Keys in any order: they are matched by name.
            ["Kind"] = y["Kind"][(4 * i)..(4 * (i + 1))],
            ["deep"] = x["deep"][(4 * i)..(4 * (i + 1))],
            ["Price"] = y["Price"][(4 * i)..(4 * (i + 1))],
            ["wide"] = x["wide"][(4 * i)..(4 * (i + 1))],
        }));
        var expected = model.Evaluate(x, y, batchSize: 4);

        Assert.Equal(expected.Values, model.Evaluate(Named()).Values);
        var history = model.Fit(Named(), epochs: 2, validationData: Named(), verbose: Verbosity.Silent);
        Assert.Equal(2, history.Epochs);
        Assert.True(history["val_loss"][1] < expected.Loss, $"{expected.Loss} -> {history["val_loss"][1]}");
    }

    [Fact]
    public void ADataLoaderFeedsFitThroughAsBatches()
    {
        var (x, y) = ToyData.Separable(10, seed: 74);
        using var template = new TinyNet();
        using var fromTensors = template.CloneWithOptions(template.CompileOptions);
        using var fromLoader = template.CloneWithOptions(template.CompileOptions);
        var (vx, vy) = ToyData.Separable(6, seed: 79);
        using var dataset = new RowsDataset(x, y);
        using var loader = new TorchSharp.Modules.DataLoader(dataset, 4, shuffle: false);
        using var validationSet = new RowsDataset(vx, vy);
        using var validationLoader = new TorchSharp.Modules.DataLoader(validationSet, 4, shuffle: false);
        var rename = new Dictionary<string, string> { ["features"] = "input", ["label"] = "Output" };

        var expected = fromTensors.Fit(x, y, epochs: 3, batchSize: 4, shuffle: false, validationData: (vx, vy), verbose: Verbosity.Silent);
        var actual = fromLoader.Fit(loader.AsBatches(rename), epochs: 3, validationData: validationLoader.AsBatches(rename), verbose: Verbosity.Silent);

        Assert.Equal(expected["loss"], actual["loss"], new ToleranceComparer(1e-6));
        Assert.Equal(expected["accuracy"], actual["accuracy"]);
        Assert.Equal(expected["val_loss"], actual["val_loss"], new ToleranceComparer(1e-6));
        Assert.True(fromTensors.Output.weight!.allclose(fromLoader.Output.weight!, rtol: 1e-5, atol: 1e-6));

        // Without the renaming the dataset's keys name neither an input nor an output.
        var error = Assert.Throws<ArgumentException>(() => fromLoader.Fit(loader.AsBatches(), verbose: Verbosity.Silent));
        Assert.Contains("has no tensor for input 'input'; its keys are", error.Message);
    }

    [Fact]
    public void EachEpochEnumeratesTheTrainingAndValidationSourcesOnce()
    {
        var (x, y) = ToyData.Separable(12, seed: 75);
        using var model = new TinyNet();
        var training = new CountingSource(Positional(x, y, 4).ToList());
        var validation = new CountingSource(Positional(x, y, 6).ToList());
        var recorder = new Recorder();

        model.Fit(training, epochs: 3, validationData: validation, callbacks: [recorder], verbose: Verbosity.Silent);

        Assert.Equal(3, training.Enumerations);
        Assert.Equal(3, validation.Enumerations);
        Assert.Equal(new[] { 3, 3, 3 }, recorder.BatchesPerEpoch);
    }

    [Fact]
    public void ProgressCountsTheBatchesWhenTheSourceKnowsThem()
    {
        var (x, y) = ToyData.Separable(12, seed: 80);
        using var model = new TinyNet();
        var counted = new System.IO.StringWriter();
        var streamed = new System.IO.StringWriter();

        model.Fit(Positional(x, y, 4).ToList(), output: counted);
        model.Fit(Positional(x, y, 4), output: streamed);

        Assert.StartsWith("3/3 - ", counted.ToString().Split('\n')[1]);
        Assert.StartsWith("3/? - ", streamed.ToString().Split('\n')[1]);
    }

    [Fact]
    public void AnEmptySourceIsAClearError()
    {
        using var model = new TinyNet();
        var empty = Assert.Throws<ArgumentException>(() => model.Fit(Array.Empty<Batch>(), verbose: Verbosity.Silent));
        Assert.Equal("The batches for TinyNet were empty in epoch 1; a batch source must yield batches every time it is enumerated. (Parameter 'batches')", empty.Message);
        Assert.Equal("batches", Assert.Throws<ArgumentException>(() => model.Evaluate(Array.Empty<Batch>())).ParamName);

        // A source that can be enumerated only once (a generator over a stream, say) fails in its second epoch.
        var (x, y) = ToyData.Separable(8, seed: 76);
        using var once = Positional(x, y, 4).GetEnumerator();
        IEnumerable<Batch> OneShot()
        {
            while (once.MoveNext())
            {
                yield return once.Current;
            }
        }

        var second = Assert.Throws<ArgumentException>(() => model.Fit(OneShot(), epochs: 2, verbose: Verbosity.Silent));
        Assert.StartsWith("The batches for TinyNet were empty in epoch 2", second.Message);
    }

    [Fact]
    public void BadBatchesAreNamed()
    {
        var (x, y) = ToyData.Separable(8, seed: 77);
        using var model = new TinyNet();

        Assert.Equal("Batch 1 of epoch 1 has no samples. (Parameter 'batches')",
            Assert.Throws<ArgumentException>(() => model.Fit([new Batch(x, y), new Batch(x[..0], y[..0])], verbose: Verbosity.Silent)).Message);
        Assert.StartsWith("Training and evaluating TinyNet need targets for 'Output'; the batch has none.",
            Assert.Throws<ArgumentException>(() => model.Fit([new Batch(x)], verbose: Verbosity.Silent)).Message);
        Assert.StartsWith("Every tensor of a batch needs the same number of samples on its first axis; 'input' has [8, 4] and 'Output' has [7, 1].",
            Assert.Throws<ArgumentException>(() => model.Evaluate([new Batch(x, y[..7])])).Message);
        Assert.StartsWith("Batch 0 of epoch 1 is null.", Assert.Throws<ArgumentException>(() => model.Fit(new Batch[] { null! }, verbose: Verbosity.Silent)).Message);
        Assert.StartsWith("TinyNet takes samples shaped (None, 4); the data is [8, 3]",
            Assert.Throws<ArgumentException>(() => model.Fit([new Batch(x[.., ..3], y)], verbose: Verbosity.Silent)).Message);
        var unknown = Assert.Throws<ArgumentException>(() => model.Fit(
            [new Batch(new Dictionary<string, Tensor> { ["input"] = x, ["Output"] = y, ["weights"] = y })], verbose: Verbosity.Silent));
        Assert.StartsWith("A batch for TinyNet has 'weights', which is neither an input ('input') nor an output ('Output').", unknown.Message);
    }

    [Fact]
    public void ASourceMaySliceTensorsItCreatesOncePerEpoch()
    {
        // The source builds its epoch's data when enumerated (an augmented copy, say) and slices
        // it batch by batch: that tensor must outlive the first step's dispose scope.
        var (x, y) = ToyData.Separable(12, seed: 78);
        using var model = new TinyNet();
        IEnumerable<Batch> Augmented()
        {
            var noisy = x + 0.01;
            for (var start = 0; start < 12; start += 4)
            {
                yield return new Batch(noisy[start..(start + 4)], y[start..(start + 4)]);
            }
        }

        var history = model.Fit(Augmented(), epochs: 2, validationData: Augmented(), verbose: Verbosity.Silent);

        Assert.Equal(2, history.Epochs);
        Assert.All(history.Values.Values.SelectMany(static values => values), value => Assert.True(double.IsFinite(value)));
    }

    /// <summary>An IEnumerable that counts how often it is enumerated.</summary>
    private sealed class CountingSource(IReadOnlyList<Batch> batches) : IEnumerable<Batch>
    {
        public int Enumerations { get; private set; }

        public IEnumerator<Batch> GetEnumerator()
        {
            Enumerations++;
            return batches.GetEnumerator();
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>A TorchSharp dataset of rows, keyed as a dataset would key them: <c>features</c> and <c>label</c>.</summary>
    private sealed class RowsDataset(Tensor x, Tensor y) : utils.data.Dataset
    {
        public override long Count => x.shape[0];

        public override Dictionary<string, Tensor> GetTensor(long index) => new()
        {
            ["features"] = x[index],
            ["label"] = y[index],
        };
    }
}
