using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Data;

namespace NetGen.Runtime.Tests.Data;

/// <summary>Input that used to load silently or fail with an unclear message: each is now a located error, or loads only when asked for.</summary>
public sealed class CsvBadInputTests
{
    private const string NonFinite = "is not a finite number (set CsvOptions.AllowNaNAndInfinity to load NaN and infinities)";

    [Theory]
    [InlineData("NaN")]
    [InlineData("nan")]
    [InlineData("-nan")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("inf")]
    [InlineData("-INF")]
    [InlineData(" +infinity ")]
    public void NaNAndInfinityInAFeatureAreErrorsByDefault(string cell)
    {
        using var files = new TempFiles();
        var path = files.Write("n.csv", $"x,y\n1,0\n{cell},1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal($"n.csv line 3, column 'x': \"{cell}\" {NonFinite}", error.Message);
        Assert.Equal(3, error.Line);
        Assert.Equal("x", error.Column);
        Assert.Equal(cell, error.Text);
    }

    [Fact]
    public void NaNInAFloatLabelIsAnErrorAndInAClassIdIsNotAClassId()
    {
        using var files = new TempFiles();
        var path = files.Write("l.csv", "x,y\n1,0\n2,NaN\n");

        Assert.Equal($"l.csv line 3, column 'y': \"NaN\" {NonFinite}", Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path)).Message);
        Assert.Equal(
            "l.csv line 3, column 'y': \"NaN\" is not an integer class id",
            Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { IntegerLabels = true, AllowNaNAndInfinity = true })).Message);
    }

    [Fact]
    public void AllowNaNAndInfinityLoadsThemAsSuch()
    {
        using var files = new TempFiles();
        var path = files.Write("ok.csv", "a,b,y\nNaN,inf,1\n-Infinity,0.5,nan\n");

        using var data = CsvLoader.Load(path, new CsvOptions { AllowNaNAndInfinity = true });

        Assert.Equal(new[] { float.NaN, float.PositiveInfinity, float.NegativeInfinity, 0.5f }, data.Features.data<float>().ToArray());
        Assert.Equal(new[] { 1f, float.NaN }, data.Labels.data<float>().ToArray());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("3.5e38")]
    [InlineData("1e39")]
    public void NumbersBeyondFloat32AreErrorsEvenWhenInfinityIsAllowed(string cell)
    {
        using var files = new TempFiles();
        var path = files.Write("big.csv", $"x,y\n{cell},1\n");

        var strict = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));
        var lenient = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { AllowNaNAndInfinity = true }));

        Assert.Equal($"big.csv line 2, column 'x': \"{cell}\" is outside the float32 range", strict.Message);
        Assert.Equal(strict.Message, lenient.Message);
    }

    [Theory]
    [InlineData("1\0", "1\\u0000")]
    [InlineData("1\0\0", "1\\u0000\\u0000")]
    [InlineData("\uFEFF2", "\\uFEFF2")]
    [InlineData("0x10", "0x10")]
    [InlineData("1_000", "1_000")]
    [InlineData("1.5f", "1.5f")]
    public void JunkInsideANumberIsAnErrorThatShowsTheJunk(string cell, string shown)
    {
        using var files = new TempFiles();
        var path = files.Write("j.csv", $"x,y\n{cell},1\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path));

        Assert.Equal($"j.csv line 2, column 'x': \"{shown}\" is not a number", error.Message);
        Assert.Equal(cell, error.Text);
    }

    [Fact]
    public void OrdinaryNumberSpellingsStillLoad()
    {
        using var files = new TempFiles();
        var path = files.Write("fine.csv", "x,y\n 1 ,+2\n-.5,1.\n1E-3,7e+1\n1e-400,0\n");

        using var data = CsvLoader.Load(path);

        Assert.Equal(new[] { 1f, -0.5f, 0.001f, 0f }, data.Features.data<float>().ToArray());
        Assert.Equal(new[] { 2f, 1f, 70f, 0f }, data.Labels.data<float>().ToArray());
    }

    [Fact]
    public void ARepeatedColumnNameIsAnErrorNamingIt()
    {
        using var files = new TempFiles();
        var path = files.Write("d.csv", "# exported\na,b,a,y\n1,2,3,0\n");

        var error = Assert.Throws<CsvFormatException>(() => CsvLoader.Load(path, new CsvOptions { SkipRows = 1 }));

        Assert.Equal("d.csv line 2 names column 'a' twice (fields 1 and 3); column names must be unique.", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void ADoubledByteOrderMarkIsNotPartOfTheFirstColumnName()
    {
        // StreamReader drops one mark; appending to a file that had one leaves a second.
        using var files = new TempFiles();
        byte[] bom = [0xEF, 0xBB, 0xBF];
        var path = files.WriteBytes("bom.csv", [.. bom, .. bom, .. Encoding.UTF8.GetBytes("a,b,y\n1,2,0\n")]);

        using var data = CsvLoader.Load(path);
        using var byName = CsvLoader.Load(path, new CsvOptions { LabelColumnName = "a" });

        Assert.Equal(["a", "b"], data.FeatureNames);
        Assert.Equal("a", byName.LabelName);
        Assert.Equal(new[] { 2f, 0f }, byName.Features.data<float>().ToArray());
    }

    [Fact]
    public void SkippingEveryFeatureColumnIsAnError()
    {
        using var files = new TempFiles();
        var path = files.Write("s.csv", "id,y\n1,0\n2,1\n");

        var table = Assert.Throws<ArgumentException>(() => CsvLoader.Load(path, new CsvOptions { SkipColumnNames = ["id"] }));
        var matrix = Assert.Throws<ArgumentException>(() => CsvLoader.LoadMatrix(path, new CsvOptions { HasHeader = true, SkipColumns = [0, 1] }));

        Assert.StartsWith("SkipColumns and SkipColumnNames leave no feature columns in s.csv: its columns are 'id', 'y' and 'y' is the label.", table.Message);
        Assert.StartsWith("SkipColumns and SkipColumnNames leave no columns in s.csv: its columns are 'id', 'y'.", matrix.Message);
        Assert.Equal("options", table.ParamName);
    }

    [Fact]
    public void ADirectoryIsNamedAsADirectory()
    {
        using var files = new TempFiles();
        var path = Directory.CreateDirectory(files.PathOf("data.csv")).FullName;

        var error = Assert.Throws<FileNotFoundException>(() => CsvLoader.Load(path));

        Assert.Equal($"CSV path '{path}' is a directory, not a file.", error.Message);
        Assert.Equal(path, error.FileName);
    }
}
