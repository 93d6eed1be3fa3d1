using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>CSVLogger: Keras's layout in the invariant culture, flushing, appending, late and missing values, closing.</summary>
public sealed class CSVLoggerTests
{
    [Fact]
    public void WritesOneInvariantRowPerEpochUnderASortedHeader()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(16, seed: 71);
        var (vx, vy) = ToyData.Separable(8, seed: 72);
        using var model = new TinyNet();
        var path = scratch.Path("logs", "training.csv");
        var previous = CultureInfo.CurrentCulture;
        History history;
        try
        {
            // A culture with a decimal comma must not leak into the file.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(",", CultureInfo.CurrentCulture.NumberFormat.NumberDecimalSeparator);
            history = model.Fit(x, y, epochs: 3, batchSize: 4, validationData: (vx, vy), callbacks: [new CSVLogger(path)], verbose: Verbosity.Silent);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        string[] columns = ["accuracy", "loss", "val_accuracy", "val_loss"];
        var expected = "epoch,accuracy,loss,val_accuracy,val_loss\n" + string.Concat(Enumerable.Range(0, 3).Select(e =>
            e.ToString(CultureInfo.InvariantCulture) + string.Concat(columns.Select(c => "," + history[c][e].ToString("R", CultureInfo.InvariantCulture))) + "\n"));
        Assert.Equal(expected, File.ReadAllText(path));

        // Each value reads back exactly.
        var row = File.ReadAllLines(path)[2].Split(',');
        Assert.Equal(history["val_loss"][1], double.Parse(row[4], CultureInfo.InvariantCulture));
    }

    [Fact]
    public void FlushesEveryEpochAndClosesTheFileAtTheEnd()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 73);
        using var model = new TinyNet();
        var path = scratch.Path("log.csv");
        var peek = new Peek(path);

        model.Fit(x, y, epochs: 3, callbacks: [new CSVLogger(path), peek], verbose: Verbosity.Silent);

        // The header and each epoch's row are on disk by the end of that epoch, while the logger holds the file.
        Assert.Equal([2, 3, 4], peek.Lines);
        Assert.All(peek.ExclusiveOpenFailed, Assert.True);
        using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }
    }

    [Fact]
    public void ClosesTheFileWhenTrainingFails()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 74);
        using var model = new TinyNet();
        var path = scratch.Path("log.csv");

        Assert.Throws<InvalidTimeZoneException>(() =>
            model.Fit(x, y, epochs: 3, callbacks: [new CSVLogger(path), new Fail(epoch: 1)], verbose: Verbosity.Silent));

        Assert.Equal(3, File.ReadAllLines(path).Length);
        using (File.Open(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
        {
        }
    }

    [Fact]
    public void AppendAddsRowsUnderTheExistingHeaderAndEpochsRestart()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 75);
        using var model = new TinyNet();
        var path = scratch.Path("log.csv");
        File.WriteAllText(path, "epoch;loss;accuracy\n0;1;0.5");

        var history = model.Fit(x, y, epochs: 2, callbacks: [new CSVLogger(path, separator: ';', append: true)], verbose: Verbosity.Silent);

        // The existing column order is kept, and the unterminated last line is not joined.
        Assert.Equal(
            [
                "epoch;loss;accuracy",
                "0;1;0.5",
                $"0;{R(history["loss"][0])};{R(history["accuracy"][0])}",
                $"1;{R(history["loss"][1])};{R(history["accuracy"][1])}",
            ],
            File.ReadAllLines(path));

        // Without append the file is replaced.
        model.Fit(x, y, epochs: 1, callbacks: [new CSVLogger(path, separator: ';')], verbose: Verbosity.Silent);
        Assert.Equal(2, File.ReadAllLines(path).Length);
        Assert.Equal("epoch;accuracy;loss", File.ReadAllLines(path)[0]);
    }

    [Fact]
    public void ALateValueAddsAColumnAndAMissingOneIsNA()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 76);
        using var model = new TinyNet();
        var path = scratch.Path("log.csv");
        // "early" only in epoch 0, "late" from epoch 1 on.
        var script = new Script((context, epoch) => context.LogValue(epoch == 0 ? "early" : "late", epoch + 0.5));

        var history = model.Fit(x, y, epochs: 3, callbacks: [script, new CSVLogger(path)], verbose: Verbosity.Silent);

        Assert.Equal(
            [
                "epoch,accuracy,early,loss,late",
                $"0,{R(history["accuracy"][0])},0.5,{R(history["loss"][0])},NA",
                $"1,{R(history["accuracy"][1])},NA,{R(history["loss"][1])},1.5",
                $"2,{R(history["accuracy"][2])},NA,{R(history["loss"][2])},2.5",
            ],
            File.ReadAllLines(path));
        Assert.Equal([scratch.Path("log.csv")], Directory.GetFiles(scratch.Root));
    }

    [Fact]
    public void NonFiniteValuesAndOddNamesAreWrittenReadably()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 77);
        using var model = new TinyNet();
        var path = scratch.Path("log.csv");
        var script = new Script(static (context, _) =>
        {
            context.LogValue("a,b", double.NaN);
            context.LogValue("say \"hi\"", double.NegativeInfinity);
            context.LogValue("tiny", 1e-5);
        });

        model.Fit(x, y, epochs: 1, callbacks: [script, new CSVLogger(path)], verbose: Verbosity.Silent);

        var lines = File.ReadAllLines(path);
        Assert.Equal("epoch,\"a,b\",accuracy,loss,\"say \"\"hi\"\"\",tiny", lines[0]);
        Assert.StartsWith("0,NaN,", lines[1]);
        Assert.EndsWith(",-Infinity,1E-05", lines[1]);
    }

    [Fact]
    public void ADirectoryIsNotAFile()
    {
        using var scratch = new ScratchDirectory();
        var (x, y) = ToyData.Separable(8, seed: 78);
        using var model = new TinyNet();

        var error = Assert.Throws<IOException>(() => model.Fit(x, y, callbacks: [new CSVLogger(scratch.Root)], verbose: Verbosity.Silent));

        Assert.Equal($"CSVLogger cannot write '{scratch.Root}': it is a directory.", error.Message);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Assert.Equal("filename", Assert.Throws<ArgumentNullException>(() => new CSVLogger(null!)).ParamName);
        Assert.Equal("filename", Assert.Throws<ArgumentException>(() => new CSVLogger("")).ParamName);
        foreach (var separator in new[] { '.', '-', '+', '7', 'e', '"', '\n', '\r' })
        {
            Assert.Equal("separator", Assert.Throws<ArgumentException>(() => new CSVLogger("log.csv", separator)).ParamName);
        }

        Assert.Equal('\t', new CSVLogger("log.csv", '\t').Separator);
    }

    private static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>After the logger's row: counts the file's lines and tries to open it exclusively.</summary>
    private sealed class Peek(string path) : Callback
    {
        public List<int> Lines { get; } = new();

        public List<bool> ExclusiveOpenFailed { get; } = new();

        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            using (var reader = new StreamReader(stream))
            {
                Lines.Add(reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
            }

            try
            {
                using var exclusive = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
                ExclusiveOpenFailed.Add(false);
            }
            catch (IOException)
            {
                ExclusiveOpenFailed.Add(true);
            }
        }
    }

    /// <summary>Throws an unusual exception at the end of one epoch.</summary>
    private sealed class Fail(int epoch) : Callback
    {
        public override void OnEpochEnd(TrainingContext context, int current, IReadOnlyDictionary<string, double> logs)
        {
            if (current == epoch)
            {
                throw new InvalidTimeZoneException("scripted failure");
            }
        }
    }

    /// <summary>Logs values at the start of each epoch.</summary>
    private sealed class Script(Action<TrainingContext, int> log) : Callback
    {
        public override void OnEpochBegin(TrainingContext context, int epoch) => log(context, epoch);
    }
}
