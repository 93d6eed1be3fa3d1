using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NetGen.Data;
using NetGen.Data.Text;

namespace NetGen.Runtime.Tests.Data.Text;

/// <summary>The SpamAssassin subset in <c>samples/Data/spam-assassin</c>, its loader and its splits.</summary>
public sealed class SpamAssassinTests
{
    private static readonly string s_corpus = SampleData.PathOf("spam-assassin");

    [Fact]
    public void TheCopiedFilesAreTheOnesTheReadmeDescribes()
    {
        var sums = File.ReadAllLines(Path.Combine(s_corpus, "SHA256SUMS"));
        var readme = File.ReadAllText(Path.Combine(s_corpus, "README.md"));

        Assert.Contains($"`{Hash(Path.Combine(s_corpus, "SHA256SUMS"))}`", readme);
        Assert.Equal(500, sums.Length);
        foreach (var line in sums)
        {
            var (hash, name) = (line[..64], line[66..]);
            Assert.True(hash == Hash(Path.Combine(s_corpus, name)), $"{name} differs from its SHA-256 in SHA256SUMS.");
        }

        var listed = sums.Select(static line => line[66..]).Order(StringComparer.Ordinal);
        var present = new[] { "ham", "spam" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(s_corpus, folder)).Select(file => folder + "/" + Path.GetFileName(file)))
            .Order(StringComparer.Ordinal);
        Assert.Equal(listed, present);
    }

    [Fact]
    public void TheSubsetLoadsAsBalancedHamAndSpamTexts()
    {
        var corpus = SpamAssassin.Load(s_corpus);

        Assert.Equal(500, corpus.Count);
        Assert.Equal(250, corpus.Labels.Count(static label => label == 0));
        Assert.Equal(250, corpus.Labels.Count(static label => label == 1));
        Assert.Equal(["ham", "spam"], corpus.ClassNames);
        Assert.All(corpus.Texts, static text => Assert.False(string.IsNullOrWhiteSpace(text)));
        Assert.All(corpus.Sources.Zip(corpus.Labels), static pair => Assert.Equal(pair.Second == 0 ? "ham" : "spam", Path.GetFileName(Path.GetDirectoryName(pair.First))));
        // No markup, transfer encoding or header survives into the texts.
        Assert.DoesNotContain(corpus.Texts, static text => Regex.IsMatch(text, @"<(html|body|p|td|font)\b", RegexOptions.IgnoreCase));
        Assert.DoesNotContain(corpus.Texts, static text => text.Contains("Content-Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && text.Contains("Received:", StringComparison.Ordinal));
        Assert.DoesNotContain(corpus.Texts, static text => text.Contains("=3D", StringComparison.Ordinal));
    }

    [Fact]
    public void AKnownMessageReadsAsItsSubjectAndBody()
    {
        var corpus = SpamAssassin.Load(s_corpus);
        var index = corpus.Sources.ToList().FindIndex(static source => Path.GetFileName(source) == "easy-ham-1.00017.08ef2d89f14cf7e2a458b80697eb1837");
        var raw = File.ReadAllText(corpus.Sources[index]);
        var subject = Regex.Match(raw, @"^Subject: (.*)$", RegexOptions.Multiline).Groups[1].Value.Trim();

        Assert.StartsWith(subject + "\n", corpus.Texts[index]);
        Assert.Contains("There is a bit of circumstantial evidence - apparently some MT", corpus.Texts[index]);
        Assert.DoesNotContain("Content-Type", corpus.Texts[index]);
        Assert.Equal(0, corpus.Labels[index]);
    }

    [Fact]
    public void AQuotedPrintableWindows1252AlternativeReadsAsItsPlainText()
    {
        var corpus = SpamAssassin.Load(s_corpus);
        var text = corpus.Texts[corpus.Sources.ToList().FindIndex(static source => Path.GetFileName(source) == "spam-1.00232.2d55046b9cf0b192ad6332545ef2a334")];

        Assert.StartsWith("Behind Every Elite Producer...\n", text);
        Assert.Contains("(The EIA story is out \u2014 with\n8 years of great results).", text);
        Assert.Contains("PowerPoint\u00ae EIA presentation", text);
        Assert.DoesNotContain("=09", text);
        Assert.DoesNotContain("<meta", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TheSplitIsStratifiedDisjointCompleteAndSeeded()
    {
        var corpus = SpamAssassin.Load(s_corpus);

        var (train, validation, test) = corpus.Split(validationFraction: 0.2, testFraction: 0.1, seed: 7);
        var again = corpus.Split(validationFraction: 0.2, testFraction: 0.1, seed: 7);
        var other = corpus.Split(validationFraction: 0.2, testFraction: 0.1, seed: 8);

        Assert.Equal((350, 100, 50), (train.Count, validation.Count, test.Count));
        Assert.Equal(25, test.Labels.Count(static label => label == 1));
        Assert.Equal(50, validation.Labels.Count(static label => label == 1));
        Assert.Equal(corpus.Sources.Order(StringComparer.Ordinal), train.Sources.Concat(validation.Sources).Concat(test.Sources).Order(StringComparer.Ordinal));
        Assert.Equal(train.Sources, again.Train.Sources);
        Assert.Equal(test.Sources, again.Test.Sources);
        Assert.NotEqual(test.Sources.Order(StringComparer.Ordinal), other.Test.Sources.Order(StringComparer.Ordinal));
        // Shuffled within the part, not ham then spam.
        Assert.NotEqual(train.Labels.Order(), train.Labels);
        Assert.All(Enumerable.Range(0, train.Count), i => Assert.Equal(corpus.Texts[corpus.Sources.ToList().IndexOf(train.Sources[i])], train.Texts[i]));
    }

    [Fact]
    public void LabelTensorsHaveTheShapesTheLossesExpect()
    {
        var texts = new LabeledTexts(["a", "b", "c"], [1, 0, 1], ["1", "2", "3"], ["ham", "spam"]);

        using var binary = texts.LabelTensor();
        using var ids = texts.ClassIdTensor();

        Assert.Equal([3L, 1], binary.shape);
        Assert.Equal([1f, 0, 1], binary.data<float>().ToArray());
        Assert.Equal([3L], ids.shape);
        Assert.Equal([1L, 0, 1], ids.data<long>().ToArray());
    }

    [Theory]
    [InlineData(-0.1, 0.1, "validationFraction")]
    [InlineData(0.1, 1.0, "testFraction")]
    [InlineData(0.5, 0.5, "testFraction")]
    public void FractionsOutsideTheRangeAreRejected(double validation, double test, string parameter)
    {
        var texts = new LabeledTexts(["a", "b", "c", "d"], [0, 0, 1, 1], ["1", "2", "3", "4"], ["ham", "spam"]);

        Assert.Equal(parameter, Assert.Throws<ArgumentOutOfRangeException>(() => texts.Split(validation, test)).ParamName);
    }

    [Fact]
    public void AClassTooSmallToKeepATrainingTextIsNamed()
    {
        var texts = new LabeledTexts(["a", "b", "c", "d", "e", "f"], [0, 0, 0, 0, 1, 1], ["1", "2", "3", "4", "5", "6"], ["ham", "spam"]);

        var error = Assert.Throws<ArgumentException>(() => texts.Split(0.3, 0.3));

        Assert.Contains("Class 'spam' has 2 texts: holding out 1 for validation and 1 for test leaves none for training", error.Message);
    }

    [Fact]
    public void AFolderLaidOutLikeTheCorpusLoadsInFileNameOrderIgnoringHiddenFiles()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(files.PathOf("ham"));
        Directory.CreateDirectory(files.PathOf("spam"));
        files.Write("ham/b", "Subject: second\n\nhello again");
        files.Write("ham/a", "Subject: first\n\nhello");
        files.Write("ham/.DS_Store", "\0\0binary");
        files.Write("spam/x", "Subject: WIN\nContent-Type: text/html\n\n<b>cash</b>");

        var corpus = SpamAssassin.Load(files.Directory);

        Assert.Equal(["first\nhello", "second\nhello again", "WIN\ncash"], corpus.Texts);
        Assert.Equal([0, 0, 1], corpus.Labels);
        Assert.Equal([files.PathOf("ham/a"), files.PathOf("ham/b"), files.PathOf("spam/x")], corpus.Sources);
    }

    [Fact]
    public void ACorruptMessageIsNamed()
    {
        using var files = new TempFiles();
        Directory.CreateDirectory(files.PathOf("ham"));
        Directory.CreateDirectory(files.PathOf("spam"));
        files.Write("ham/good", "Subject: fine\n\nbody");
        files.WriteBytes("spam/broken", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A]);

        var error = Assert.Throws<DataFormatException>(() => SpamAssassin.Load(files.Directory));

        Assert.Equal(files.PathOf("spam/broken"), error.Path);
        Assert.StartsWith("broken does not start with mail headers", error.Message);
    }

    [Fact]
    public void MissingOrEmptyFoldersAreNamed()
    {
        using var files = new TempFiles();
        var missing = Assert.Throws<DirectoryNotFoundException>(() => SpamAssassin.Load(files.PathOf("nowhere")));
        Directory.CreateDirectory(files.PathOf("ham"));
        var noSpam = Assert.Throws<DirectoryNotFoundException>(() => SpamAssassin.Load(files.Directory));
        Directory.CreateDirectory(files.PathOf("spam"));
        files.Write("spam/one", "Subject: s\n\nb");
        var emptyHam = Assert.Throws<DataFormatException>(() => SpamAssassin.Load(files.Directory));

        Assert.Contains("nowhere", missing.Message);
        Assert.Contains("has no 'spam' folder", noSpam.Message);
        Assert.Equal(files.PathOf("ham"), emptyHam.Path);
        Assert.Equal("ham holds no messages.", emptyHam.Message);
    }

    private static string Hash(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
