using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using Tensorboard;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>TensorBoard: well-formed event files with Keras's runs, tags and steps, values equal to History.</summary>
public sealed class TensorBoardTests
{
    [Fact]
    public void WritesTrainAndValidationScalarsAsKerasDoes()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(16, seed: 81);
        var (vx, vy) = ToyData.Separable(8, seed: 82);
        using var model = new TinyNet(new Sgd(learningRate: 0.05));

        var history = model.Fit(x, y, epochs: 3, batchSize: 4, validationData: (vx, vy), callbacks: [new TensorBoard(scratch.Path("logs"))], verbose: Verbosity.Silent);

        Assert.Equal(["train", "validation"], Directory.GetDirectories(scratch.Path("logs")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var train = ReadRun(scratch.Path("logs", "train"));
        var validation = ReadRun(scratch.Path("logs", "validation"));

        // Every file starts with its version record.
        Assert.Equal("brain.Event:2", train[0].FileVersion);
        Assert.Equal("brain.Event:2", validation[0].FileVersion);

        var expectedTrain = Enumerable.Range(0, 3).SelectMany(e => new[]
        {
            ("epoch_loss", (long)e, (float)history["loss"][e]),
            ("epoch_accuracy", e, (float)history["accuracy"][e]),
            ("epoch_learning_rate", e, 0.05f),
        });
        Assert.Equal(expectedTrain, Scalars(train));
        var expectedValidation = Enumerable.Range(0, 3).SelectMany(e => new[]
        {
            ("epoch_loss", (long)e, (float)history["val_loss"][e]),
            ("epoch_accuracy", e, (float)history["val_accuracy"][e]),
        });
        Assert.Equal(expectedValidation, Scalars(validation));
        Assert.All(train.Skip(1), static e => Assert.InRange(e.WallTime, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 600, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 1));
    }

    [Fact]
    public void WritesWeightHistogramsEveryNEpochsFromTheFirst()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(16, seed: 83);
        using var model = new TinyNet();
        var snapshots = new WeightSnapshots();

        model.Fit(x, y, epochs: 4, batchSize: 8, callbacks: [snapshots, new TensorBoard(scratch.Path("logs"), histogramFreq: 2)], verbose: Verbosity.Silent);

        // No validation data: no validation run.
        Assert.Equal(["train"], Directory.GetDirectories(scratch.Path("logs")).Select(Path.GetFileName));
        var histograms = ReadRun(scratch.Path("logs", "train"))
            .Where(static e => e.Summary is not null && e.Summary.Value.Any(static v => v.Histo is not null))
            .Select(static e => (e.Step, e.Summary.Value.Single()))
            .ToList();
        string[] weights = ["Hidden.weight", "Hidden.bias", "Output.weight", "Output.bias"];
        Assert.Equal(
            new long[] { 0, 2 }.SelectMany(step => weights.Select(w => (step, w.Replace('.', '/') + "/histogram"))),
            histograms.Select(static h => (h.Step, h.Item2.Tag)));
        foreach (var (step, value) in histograms)
        {
            var weight = snapshots.Epochs[(int)step][weights.Single(w => w.Replace('.', '/') + "/histogram" == value.Tag)];
            var histogram = value.Histo;
            Assert.Equal(weight.Length, histogram.Num);
            Assert.Equal(weight.Min(), histogram.Min);
            Assert.Equal(weight.Max(), histogram.Max);
            Assert.Equal(weight.Length, histogram.Bucket.Sum());
            Assert.Equal(histogram.Bucket.Count, histogram.BucketLimit.Count);
        }
    }

    [Fact]
    public void TheLearningRateIsTheOneAScheduleLogged()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 84);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));

        var history = model.Fit(x, y, epochs: 3, callbacks: [new StepDecay(0.5, 1), new TensorBoard(scratch.Path("logs"))], verbose: Verbosity.Silent);

        var rates = Scalars(ReadRun(scratch.Path("logs", "train"))).Where(static s => s.Tag == "epoch_learning_rate").ToList();
        Assert.Equal(new[] { 0L, 1, 2 }, rates.Select(static r => r.Step));
        Assert.Equal(history["learning_rate"].Select(static r => (float)r), rates.Select(static r => r.Value));
        Assert.Equal([0.1f, 0.05f, 0.025f], rates.Select(static r => r.Value));
    }

    [Fact]
    public void EveryFitStartsNewEventFiles()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 85);
        using var model = new TinyNet();
        var board = new TensorBoard(scratch.Path("logs"));

        model.Fit(x, y, epochs: 1, callbacks: [board], verbose: Verbosity.Silent);
        model.Fit(x, y, epochs: 2, callbacks: [board], verbose: Verbosity.Silent);

        var files = Directory.GetFiles(scratch.Path("logs", "train")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        Assert.All(files, static f => Assert.StartsWith("events.out.tfevents.", Path.GetFileName(f)));
        Assert.Equal([3, 6], files.Select(static f => Scalars(EventFile.Read(f)).Count()).Order());
    }

    [Fact]
    public void TheReaderChecksBothChecksums()
    {
        // The CRC-32C check value.
        Assert.Equal(0xE3069283u, EventFile.Crc32C(Encoding.ASCII.GetBytes("123456789")));

        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 86);
        using var model = new TinyNet();
        model.Fit(x, y, epochs: 1, callbacks: [new TensorBoard(scratch.Root)], verbose: Verbosity.Silent);
        var file = Directory.GetFiles(scratch.Path("train")).Single();
        var bytes = File.ReadAllBytes(file);

        var length = bytes.ToArray();
        length[0] ^= 1;
        File.WriteAllBytes(file, length);
        Assert.Contains("length CRC mismatch", Assert.Throws<InvalidDataException>(() => EventFile.Read(file)).Message);

        var payload = bytes.ToArray();
        payload[^5] ^= 1;
        File.WriteAllBytes(file, payload);
        Assert.Contains("payload CRC mismatch", Assert.Throws<InvalidDataException>(() => EventFile.Read(file)).Message);
    }

    [Fact]
    public void ALogDirThatIsAFileIsAClearError()
    {
        using var scratch = new ScratchDirectory();
        File.WriteAllText(scratch.Path("logs"), "not a directory");
        var (x, y) = ToyData.Separable(8, seed: 87);
        using var model = new TinyNet();

        var error = Assert.Throws<IOException>(() => model.Fit(x, y, callbacks: [new TensorBoard(scratch.Path("logs"))], verbose: Verbosity.Silent));
        Assert.Equal($"TensorBoard cannot write its runs under '{scratch.Path("logs")}': it is a file, not a directory.", error.Message);

        Directory.CreateDirectory(scratch.Path("runs"));
        File.WriteAllText(scratch.Path("runs", "train"), "in the way");
        var run = Assert.Throws<IOException>(() => model.Fit(x, y, callbacks: [new TensorBoard(scratch.Path("runs"))], verbose: Verbosity.Silent));
        Assert.Equal($"TensorBoard cannot write the 'train' run to '{scratch.Path("runs", "train")}': it is a file, not a directory.", run.Message);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("logDir", Assert.Throws<ArgumentNullException>(() => new TensorBoard(null!)).ParamName);
        Assert.Equal("logDir", Assert.Throws<ArgumentException>(() => new TensorBoard(" ")).ParamName);
        Assert.Equal("histogramFreq", Assert.Throws<ArgumentOutOfRangeException>(() => new TensorBoard("logs", histogramFreq: -1)).ParamName);
    }

    /// <summary>The events of the one event file in a run directory.</summary>
    private static System.Collections.Generic.List<Event> ReadRun(string directory) => EventFile.Read(Directory.GetFiles(directory).Single());

    private static System.Collections.Generic.IEnumerable<(string Tag, long Step, float Value)> Scalars(System.Collections.Generic.IEnumerable<Event> events) =>
        events.Where(static e => e.Summary is not null)
            .SelectMany(static e => e.Summary.Value.Where(static v => v.ValueCase == Summary.Types.Value.ValueOneofCase.SimpleValue).Select(v => (v.Tag, e.Step, v.SimpleValue)));
}
