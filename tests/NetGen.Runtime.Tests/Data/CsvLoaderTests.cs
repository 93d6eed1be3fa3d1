using System;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

public sealed class CsvLoaderTests
{
    [Fact]
    public void LoadsFeaturesAndLabelsByName()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "a,b,label,c\n1,2,0,3\n4.5,-5,1,6e-1\n");

        var data = CsvLoader.Load(path, new CsvOptions { LabelColumnName = "label" });

        Assert.Equal(new long[] { 2, 3 }, data.Features.shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4.5f, -5f, 0.6f }, data.Features.data<float>().ToArray());
        Assert.Equal(new[] { 0f, 1f }, data.Labels.data<float>().ToArray());
        Assert.Equal(new[] { "a", "b", "c" }, data.FeatureNames);
        Assert.Equal("label", data.LabelName);
    }

    [Fact]
    public void IntegerLabelsAndNegativeIndex()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "1,2,3\n4,5,2\n");

        var data = CsvLoader.Load(path, new CsvOptions { HasHeader = false, LabelColumn = -1, IntegerLabels = true });

        Assert.Equal(ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(new[] { 3L, 2L }, data.Labels.data<long>().ToArray());
        Assert.Equal(new[] { "column0", "column1" }, data.FeatureNames);
    }

    [Fact]
    public void ReadsTheInvariantCultureUnderACommaDecimalCulture()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "x,y\n0.5,1\n");
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");

            var data = CsvLoader.Load(path);

            Assert.Equal(0.5f, data.Features.data<float>()[0]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void ANonNumberNamesFileLineColumnAndText()
    {
        using var files = new TempFiles();
        var path = files.Write("breast.csv", "mean radius,target\n1,0\nabc,1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("breast.csv line 3: column 'mean radius': \"abc\" is not a number.", error.Message);
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void ARaggedRowSaysHowManyFields()
    {
        using var files = new TempFiles();
        var path = files.Write("r.csv", "a,b,c\n1,2,3\n1,2\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("r.csv line 3: 2 fields, expected 3.", error.Message);
    }

    [Fact]
    public void EmptyFileMissingFileAndUnknownLabelName()
    {
        using var files = new TempFiles();
        var empty = files.Write("e.csv", "a,b\n");
        var table = files.Write("t.csv", "a,b\n1,2\n");

        Assert.Contains("no data rows", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(empty)).Message);
        Assert.Throws<FileNotFoundException>(() => CsvLoader.Load(Path.Combine(files.Directory, "missing.csv")));
        var unknown = Assert.Throws<ArgumentException>(() => CsvLoader.Load(table, new CsvOptions { LabelColumnName = "target" }));
        Assert.Contains("has no column 'target'; its columns are a, b", unknown.Message);
    }

    [Fact]
    public void GzipAndWhitespaceDelimitedMatrix()
    {
        using var files = new TempFiles();
        var path = Path.Combine(files.Directory, "m.csv.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip))
        {
            writer.Write("1  2\t3\n4 5 6\n");
        }

        var matrix = CsvLoader.LoadMatrix(path, new CsvOptions { HasHeader = false, Delimiter = ' ' });

        Assert.Equal(new long[] { 2, 3 }, matrix.shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, matrix.data<float>().ToArray());
    }

    [Fact]
    public void LoadsTheRealBreastCancerTable()
    {
        var path = Path.Combine(RepositoryRoot(), "samples", "Data", "breast_cancer.csv");

        var data = CsvLoader.Load(path, new CsvOptions { HasHeader = false, SkipRows = 1 });

        Assert.Equal(new long[] { 569, 30 }, data.Features.shape);
        Assert.Equal(357, (int)data.Labels.sum().item<float>()); // benign cases
        Assert.Equal(17.99f, data.Features[0, 0].item<float>());
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetGen.sln not found above the test output.");
    }
}
