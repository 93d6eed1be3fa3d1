using System;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>ModelCheckpoint: file names from the logs, best-only saving, batch frequency, errors.</summary>
public sealed class ModelCheckpointTests
{
    [Fact]
    public void SavesEveryEpochUnderAFormattedName()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(16, seed: 41);
        var (vx, vy) = ToyData.Separable(8, seed: 42);
        using var model = new TinyNet();
        var snapshots = new WeightSnapshots();
        var checkpoint = new ModelCheckpoint(scratch.Path("run", "w.{epoch:D2}-{val_loss:F4}.safetensors"));

        var history = model.Fit(x, y, epochs: 3, batchSize: 4, shuffle: false, validationData: (vx, vy), callbacks: [snapshots, checkpoint], verbose: Verbosity.Silent);

        var expected = Enumerable.Range(0, 3)
            .Select(e => $"w.{(e + 1).ToString("D2", CultureInfo.InvariantCulture)}-{history["val_loss"][e].ToString("F4", CultureInfo.InvariantCulture)}.safetensors")
            .ToArray();
        // Exactly these files: no temporary file is left behind.
        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(scratch.Path("run")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        for (var e = 0; e < 3; e++)
        {
            using var loaded = new TinyNet();
            loaded.LoadWeights(scratch.Path("run", expected[e]));
            Assert.Equal(snapshots.Epochs[e], WeightSnapshots.Of(loaded));
        }

        Assert.Equal(scratch.Path("run", expected[2]), checkpoint.LastSavedPath);
    }

    [Fact]
    public void SaveBestOnlySavesImprovementsAndNaNIsNeverOne()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 43);
        using var model = new TinyNet();
        double[] scores = [0.5, 0.7, double.NaN, 0.4, 0.4];
        var snapshots = new WeightSnapshots();
        var perEpoch = new ModelCheckpoint(scratch.Path("best.{epoch}.pt"), monitor: "score", mode: MonitorMode.Min, saveBestOnly: true, verbose: true);
        var single = new ModelCheckpoint(scratch.Path("best.pt"), monitor: "score", mode: MonitorMode.Min, saveBestOnly: true);
        var output = new StringWriter();

        model.Fit(x, y, epochs: 5, batchSize: 4, shuffle: false, callbacks: [new ScriptedValue("score", e => scores[e]), snapshots, perEpoch, single], output: output);

        Assert.Equal(["best.1.pt", "best.4.pt", "best.pt"], Directory.GetFiles(scratch.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0.4, perEpoch.Best);
        Assert.Equal(0.4, single.Best);

        // The file without a placeholder holds the best epoch's weights (the fourth).
        using var loaded = new TinyNet();
        loaded.LoadWeights(scratch.Path("best.pt"));
        Assert.Equal(snapshots.Epochs[3], WeightSnapshots.Of(loaded));

        var lines = output.ToString().Split('\n').Where(static line => line.StartsWith("Epoch ", StringComparison.Ordinal) && line.Contains(':', StringComparison.Ordinal)).ToArray();
        Assert.Equal(
            [
                $"Epoch 1: score improved from inf to 0.50000, saving model to {scratch.Path("best.1.pt")}",
                "Epoch 2: score did not improve from 0.50000",
                "Epoch 3: score did not improve from 0.50000",
                $"Epoch 4: score improved from 0.50000 to 0.40000, saving model to {scratch.Path("best.4.pt")}",
                "Epoch 5: score did not improve from 0.40000",
            ],
            lines);
    }

    [Fact]
    public void TheInitialThresholdAndTheBestCarryOverFits()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 44);
        using var model = new TinyNet();
        double[] first = [0.5, 0.8, 0.7];
        var checkpoint = new ModelCheckpoint(scratch.Path("{epoch}.pt"), monitor: "val_accuracy", saveBestOnly: true, initialValueThreshold: 0.6);
        Assert.Equal(MonitorMode.Max, checkpoint.Mode);

        model.Fit(x, y, epochs: 3, callbacks: [new ScriptedValue("val_accuracy", e => first[e]), checkpoint], verbose: Verbosity.Silent);
        Assert.Equal(["2.pt"], Directory.GetFiles(scratch.Root).Select(Path.GetFileName));

        // As in Keras the best value stays with the callback: a later Fit must beat 0.8.
        double[] second = [0.75, 0.9];
        model.Fit(x, y, epochs: 2, callbacks: [new ScriptedValue("val_accuracy", e => second[e]), checkpoint], verbose: Verbosity.Silent);
        Assert.Equal(["2.pt"], Directory.GetFiles(scratch.Root).Select(Path.GetFileName));
        Assert.Equal(0.9, checkpoint.Best);
        Assert.Equal(scratch.Path("2.pt"), checkpoint.LastSavedPath);
    }

    [Fact]
    public void SaveFreqCountsBatchesAcrossEpochs()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(16, seed: 45);
        using var model = new TinyNet();
        var output = new StringWriter();
        var checkpoint = new ModelCheckpoint(scratch.Path("b.{epoch}-{batch:D2}-{loss:F3}.pt"), saveFreq: 3, verbose: true);

        // 4 batches per epoch: saves after the 3rd batch of epoch 1 and the 2nd of epoch 2.
        model.Fit(x, y, epochs: 2, batchSize: 4, shuffle: false, callbacks: [checkpoint], output: output);

        var names = Directory.GetFiles(scratch.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, names.Length);
        Assert.StartsWith("b.1-03-", names[0]);
        Assert.StartsWith("b.2-02-", names[1]);
        Assert.Contains($"Epoch 2: saving model to {scratch.Path(names[1]!)}", output.ToString());
    }

    [Fact]
    public void AMonitoredValueThatIsNotLoggedIsAnError()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 46);
        using var model = new TinyNet();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 2, callbacks: [new ModelCheckpoint(scratch.Path("w.pt"), saveBestOnly: true)], verbose: Verbosity.Silent));

        Assert.Equal("ModelCheckpoint monitors 'val_loss', which training does not log (val_ values need validation data or a validation split); it logs loss, accuracy.", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Root));

        // Without saveBestOnly the monitor is not read, as in Keras.
        model.Fit(x, y, epochs: 1, callbacks: [new ModelCheckpoint(scratch.Path("w.pt"))], verbose: Verbosity.Silent);
        Assert.True(File.Exists(scratch.Path("w.pt")));
    }

    [Fact]
    public void PlaceholdersNameWhatIsLogged()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 47);
        using var model = new TinyNet();

        var unknown = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, callbacks: [new ModelCheckpoint(scratch.Path("w-{val_acc:F2}.pt"))], verbose: Verbosity.Silent));
        Assert.Equal($"ModelCheckpoint cannot fill the file path '{scratch.Path("w-{val_acc:F2}.pt")}': 'val_acc' is not logged; the placeholders available are epoch, loss, accuracy.", unknown.Message);

        var batch = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, callbacks: [new ModelCheckpoint(scratch.Path("w-{batch}.pt"))], verbose: Verbosity.Silent));
        Assert.Contains("{batch} is only filled when saving every N batches (saveFreq)", batch.Message);
        Assert.Empty(Directory.GetFileSystemEntries(scratch.Root));
    }

    [Fact]
    public void BracesAreEscapedByDoubling()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 48);
        using var model = new TinyNet();

        model.Fit(x, y, callbacks: [new ModelCheckpoint(scratch.Path("{{run}}-{epoch:000}.pt"))], verbose: Verbosity.Silent);

        Assert.Equal(["{run}-001.pt"], Directory.GetFiles(scratch.Root).Select(Path.GetFileName));
    }

    [Fact]
    public void SavingOverADirectoryIsAClearError()
    {
        using var scratch = new ScratchDirectory();
        Directory.CreateDirectory(scratch.Path("1.pt"));
        var (x, y) = ToyData.Separable(8, seed: 49);
        using var model = new TinyNet();

        var error = Assert.Throws<IOException>(() =>
            model.Fit(x, y, callbacks: [new ModelCheckpoint(scratch.Path("{epoch}.pt"))], verbose: Verbosity.Silent));

        Assert.StartsWith($"ModelCheckpoint cannot save to '{scratch.Path("1.pt")}': it is a directory", error.Message);
    }

    [Theory]
    [InlineData("w.{epoch:02d}.pt", "formats {epoch} with Python's '02d'; NetGen uses .NET formats: {epoch:D2} for Keras's {epoch:02d}")]
    [InlineData("w.{val_loss:.2f}.pt", "formats {val_loss} with Python's '.2f'; NetGen uses .NET formats: {epoch:D2} for Keras's {epoch:02d}, {val_loss:F2} for {val_loss:.2f}")]
    [InlineData("w.{epoch.pt", "has a '{' at 2 that is never closed; write '{{' for a literal brace")]
    [InlineData("w.}epoch.pt", "has a '}' at 2 that closes nothing; write '}}' for a literal brace")]
    [InlineData("w.{:F2}.pt", "has a placeholder '{:F2}' without a name")]
    public void BadFilePathsAreRefusedWhenCreated(string filepath, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelCheckpoint(filepath));

        Assert.Equal("filepath", error.ParamName);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("filepath", Assert.Throws<ArgumentNullException>(() => new ModelCheckpoint(null!)).ParamName);
        Assert.Equal("filepath", Assert.Throws<ArgumentException>(() => new ModelCheckpoint(" ")).ParamName);
        Assert.Equal("monitor", Assert.Throws<ArgumentNullException>(() => new ModelCheckpoint("w.pt", monitor: null!)).ParamName);
        Assert.Equal("monitor", Assert.Throws<ArgumentException>(() => new ModelCheckpoint("w.pt", monitor: "")).ParamName);
        Assert.Equal("mode", Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint("w.pt", mode: (MonitorMode)7)).ParamName);
        Assert.Equal("saveFreq", Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint("w.pt", saveFreq: 0)).ParamName);
        Assert.Equal("initialValueThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new ModelCheckpoint("w.pt", initialValueThreshold: double.NaN)).ParamName);
        Assert.Equal(MonitorMode.Min, new ModelCheckpoint("w.pt").Mode);
        Assert.Equal(MonitorMode.Max, new ModelCheckpoint("w.pt", monitor: "auc").Mode);
    }
}
