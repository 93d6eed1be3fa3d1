using System;
using System.IO;
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

        using var data = CsvLoader.Load(path, new CsvOptions { LabelColumnName = "label" });

        Assert.Equal(ScalarType.Float32, data.Features.dtype);
        Assert.Equal(new long[] { 2, 3 }, data.Features.shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4.5f, -5f, 0.6f }, data.Features.data<float>().ToArray());
        Assert.Equal(ScalarType.Float32, data.Labels.dtype);
        Assert.Equal(new[] { 0f, 1f }, data.Labels.data<float>().ToArray());
        Assert.Equal(new[] { "a", "b", "c" }, data.FeatureNames);
        Assert.Equal("label", data.LabelName);
    }

    [Fact]
    public void IntegerLabelsFromANegativeIndexWithoutHeader()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "1,2,3\n4,5,2.0\n");

        using var data = CsvLoader.Load(path, new CsvOptions { HasHeader = false, LabelColumn = -1, IntegerLabels = true });

        Assert.Equal(ScalarType.Int64, data.Labels.dtype);
        Assert.Equal(new[] { 3L, 2L }, data.Labels.data<long>().ToArray());
        Assert.Equal(new[] { "column0", "column1" }, data.FeatureNames);
        Assert.Equal("column2", data.LabelName);
    }

    [Fact]
    public void LabelByPositiveIndexAndSkippedColumnsByIndexAndName()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "id,y,a,date,b\n7,1,10,20240101,11\n8,0,12,20240102,13\n");

        using var data = CsvLoader.Load(path, new CsvOptions { LabelColumn = 1, SkipColumns = [0], SkipColumnNames = ["date"] });

        Assert.Equal(new[] { "a", "b" }, data.FeatureNames);
        Assert.Equal(new[] { 10f, 11f, 12f, 13f }, data.Features.data<float>().ToArray());
        Assert.Equal(new[] { 1f, 0f }, data.Labels.data<float>().ToArray());
    }

    [Fact]
    public void SkipRowsHeaderDelimiterAndQuotedNames()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "# exported 2024\n\"income, USD\";\"say \"\"hi\"\"\";y\n\"1.5\";2;0\n\n3;4;1\n");

        using var data = CsvLoader.Load(path, new CsvOptions { SkipRows = 1, Delimiter = ';' });

        Assert.Equal(new[] { "income, USD", "say \"hi\"" }, data.FeatureNames);
        Assert.Equal(new[] { 1.5f, 2f, 3f, 4f }, data.Features.data<float>().ToArray());
    }

    [Fact]
    public void ReadsTheInvariantCultureUnderACommaDecimalCulture()
    {
        using var files = new TempFiles();
        var path = files.Write("t.csv", "x;y\n0.5;1\n1,5;2\n");
        using var german = new CultureScope("de-DE");

        var first = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { Delimiter = ';' }));
        var good = files.Write("g.csv", "x,y\n0.5,1\n1e3,2\n");
        using var data = CsvLoader.Load(good);

        // "1,5" is 1.5 in German but not a number in the invariant culture, and "0.5" is never 5.
        Assert.Equal("t.csv line 3, column 'x': \"1,5\" is not a number", first.Message);
        Assert.Equal(new[] { 0.5f, 1000f }, data.Features.data<float>().ToArray());
    }

    [Fact]
    public void ANonNumberNamesFileLineColumnAndText()
    {
        using var files = new TempFiles();
        var path = files.Write("breast.csv", "mean radius,target\n1,0\nabc,1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("breast.csv line 3, column 'mean radius': \"abc\" is not a number", error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal(3, error.Line);
        Assert.Equal("mean radius", error.Column);
        Assert.Equal("abc", error.Text);
    }

    [Fact]
    public void LineNumbersCountSkippedAndBlankLinesAndColumnsWithoutHeaderAreNumbered()
    {
        using var files = new TempFiles();
        var path = files.Write("s.csv", "569,30,a,b\n1,2,0\n\n3,,1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { SkipRows = 1, HasHeader = false }));

        Assert.Equal("s.csv line 4, column 'column1': \"\" is not a number (the field is empty)", error.Message);
    }

    [Fact]
    public void ALabelThatIsNotAClassIdIsNamed()
    {
        using var files = new TempFiles();
        var path = files.Write("c.csv", "x,class\n1,0\n2,0.5\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { IntegerLabels = true }));

        Assert.Equal("c.csv line 3, column 'class': \"0.5\" is not an integer class id", error.Message);
    }

    [Fact]
    public void AValueBeyondFloat32IsAnErrorNotInfinity()
    {
        using var files = new TempFiles();
        var path = files.Write("big.csv", "x,y\n1e300,1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal("big.csv line 2, column 'x': \"1e300\" is outside the float32 range", error.Message);
    }

    [Fact]
    public void ARaggedRowSaysHowManyFields()
    {
        using var files = new TempFiles();
        var headed = files.Write("r.csv", "a,b,c\n1,2,3\n1,2\n");
        var bare = files.Write("n.csv", "1,2,3\n4,5,6\n7,8,9,10\n");

        Assert.Equal("r.csv line 3 has 2 fields, expected 3.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(headed)).Message);
        Assert.Equal("n.csv line 3 has 4 fields, expected 3.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(bare, new CsvOptions { HasHeader = false })).Message);
    }

    [Fact]
    public void AnUnclosedQuoteIsReported()
    {
        using var files = new TempFiles();
        var path = files.Write("q.csv", "a,b\n\"1,2\n");

        Assert.Equal("q.csv line 2 has a quote that is never closed.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path)).Message);
    }

    [Fact]
    public void EmptyFileAndHeaderWithoutRows()
    {
        using var files = new TempFiles();
        var empty = files.Write("e.csv", "");
        var blank = files.Write("b.csv", "\n  \n");
        var headerOnly = files.Write("h.csv", "a,b\n");

        Assert.Equal("e.csv is empty.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(empty)).Message);
        Assert.Equal("b.csv is empty.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(blank)).Message);
        Assert.Equal("h.csv has a header but no data rows.", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(headerOnly)).Message);
    }

    [Fact]
    public void MissingFileNamesThePath()
    {
        using var files = new TempFiles();
        var path = files.PathOf("missing.csv");

        var error = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load(path));

        Assert.Equal(path, error.FileName);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void UnknownColumnNamesListTheAvailableOnes()
    {
        using var files = new TempFiles();
        var table = files.Write("t.csv", "a,b\n1,2\n");

        var label = Assert.Throws<ArgumentException>(() => CsvLoader.Load(table, new CsvOptions { LabelColumnName = "target" }));
        var skip = Assert.Throws<ArgumentException>(() => CsvLoader.Load(table, new CsvOptions { SkipColumnNames = ["id"] }));
        var noHeader = Assert.Throws<ArgumentException>(() => CsvLoader.Load(table, new CsvOptions { HasHeader = false, LabelColumnName = "b" }));
        var index = Assert.Throws<ArgumentException>(() => CsvLoader.Load(table, new CsvOptions { LabelColumn = -3 }));

        Assert.StartsWith("t.csv has no column 'target' (LabelColumnName); its columns are 'a', 'b'.", label.Message);
        Assert.StartsWith("t.csv has no column 'id' (SkipColumnNames); its columns are 'a', 'b'.", skip.Message);
        Assert.StartsWith("LabelColumnName 'b' needs a header row, but HasHeader is false for t.csv.", noHeader.Message);
        Assert.StartsWith("LabelColumn -3 is outside the 2 columns of t.csv.", index.Message);
    }

    [Fact]
    public void GzipIsRecognisedByContentWithAnyDelimiterRun()
    {
        using var files = new TempFiles();
        var gz = files.WriteGzip("m.csv.gz", "1  2\t3\n4 5 6\n");
        var disguised = files.WriteGzip("plain-name.csv", "x,y\n1,2\n");

        using var matrix = CsvLoader.LoadMatrix(gz, new CsvOptions { HasHeader = false, Delimiter = ' ' });
        using var table = CsvLoader.Load(disguised);

        Assert.Equal(new long[] { 2, 3 }, matrix.shape);
        Assert.Equal(new[] { 1f, 2f, 3f, 4f, 5f, 6f }, matrix.data<float>().ToArray());
        Assert.Equal(new[] { 1f }, table.Features.data<float>().ToArray());
    }

    [Fact]
    public void ErrorsInsideGzipFilesNameTheGzipFile()
    {
        using var files = new TempFiles();
        var gz = files.WriteGzip("d.csv.gz", "1 2\n3 x\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.LoadMatrix(gz, new CsvOptions { HasHeader = false, Delimiter = ' ' }));

        Assert.Equal("d.csv.gz line 2, column 'column1': \"x\" is not a number", error.Message);
    }

    [Fact]
    public void LoadsTheRealBreastCancerTable()
    {
        // scikit-learn's first line is "569,30,malignant,benign": counts and class names, not column names.
        using var data = CsvLoader.Load(SampleData.PathOf("breast_cancer.csv"), new CsvOptions { HasHeader = false, SkipRows = 1, IntegerLabels = true });

        Assert.Equal(new long[] { 569, 30 }, data.Features.shape);
        Assert.Equal(357L, data.Labels.sum().item<long>()); // benign (1) cases
        Assert.Equal(17.99f, data.Features[0, 0].item<float>());
        Assert.Equal(0.1189f, data.Features[0, 29].item<float>());
    }

    [Fact]
    public void LoadsTheRealDiabetesFiles()
    {
        var options = new CsvOptions { HasHeader = false, Delimiter = ' ' };

        using var features = CsvLoader.LoadMatrix(SampleData.PathOf("diabetes_data_raw.csv.gz"), options);
        using var targets = CsvLoader.LoadMatrix(SampleData.PathOf("diabetes_target.csv.gz"), options);

        Assert.Equal(new long[] { 442, 10 }, features.shape);
        Assert.Equal(new long[] { 442, 1 }, targets.shape);
        Assert.Equal(new[] { 59f, 2f, 32.1f, 101f, 157f, 93.2f, 38f, 4f, 4.8598f, 87f }, features[0].data<float>().ToArray());
        Assert.Equal(151f, targets[0, 0].item<float>());
    }
}
