using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using NetGen.Data.Text;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Runtime.Tests.IO;

namespace NetGen.Runtime.Tests.Data.Text;

/// <summary>A vocabulary saved on its own or with a network's weights comes back encoding exactly as before; damaged files are named.</summary>
public sealed class VocabularyPersistenceTests
{
    private static readonly string[] s_training = ["Win a FREE prize now!!!", "Meeting moved to Monday, see agenda.", "free free free money", "Lunch on Monday?"];
    private static readonly string[] s_unseen = ["FREE lunch; prize money on Tuesday", "", "agenda: win, win, win"];

    private static readonly TextStandardization s_custom = new() { Lowercase = false, Punctuation = "!;", Split = TokenSplit.Whitespace };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AVocabularyFileEncodesExactlyAsTheSavedVocabulary(bool custom)
    {
        using var files = new TempFiles();
        var saved = Vocabulary.Build(s_training, maxWords: 9, standardization: custom ? s_custom : null);
        var path = files.PathOf("words.json");

        saved.Save(path);
        var loaded = Vocabulary.Load(path);

        Assert.Equal(saved.Words, loaded.Words);
        Assert.Equal(saved.Standardization, loaded.Standardization);
        Assert.Equal(saved.Encode(s_unseen), loaded.Encode(s_unseen));
    }

    [Fact]
    public void WeightsAndVocabularyTravelInOneSafetensorsFile()
    {
        using var files = new TempFiles();
        var path = files.PathOf("model.safetensors");
        using var original = new NormalizedNet();
        var vocabulary = Vocabulary.Build(s_training, standardization: s_custom);

        original.SaveWeights(path, vocabulary);

        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
        using var reloaded = new NormalizedNet();
        reloaded.LoadWeights(path);
        Assert.True(WeightFiles.SameState(original, reloaded));
        var restored = Vocabulary.Load(path);
        Assert.Equal(vocabulary.Words, restored.Words);
        Assert.Equal(vocabulary.Encode(s_unseen), restored.Encode(s_unseen));
    }

    [Fact]
    public void TheVocabularyIsJsonInTheStandardMetadataAndTheTensorsAreUnchanged()
    {
        using var files = new TempFiles();
        using var network = new NormalizedNet();
        var vocabulary = Vocabulary.Build(s_training);
        network.SaveWeights(files.PathOf("plain.safetensors"));
        network.SaveWeights(files.PathOf("with.safetensors"), vocabulary);

        var (plainHeader, plainData) = Split(File.ReadAllBytes(files.PathOf("plain.safetensors")));
        var (header, data) = Split(File.ReadAllBytes(files.PathOf("with.safetensors")));

        Assert.Equal(plainData, data);
        Assert.Equal(0, (8 + header.Length) % 8);
        using var json = JsonDocument.Parse(header);
        using var plainJson = JsonDocument.Parse(plainHeader);
        using var saved = JsonDocument.Parse(json.RootElement.GetProperty("__metadata__").GetProperty("netgen.vocabulary").GetString()!);
        Assert.Equal(vocabulary.Words, saved.RootElement.GetProperty("words").EnumerateArray().Select(static w => w.GetString()));
        Assert.Equal(
            plainJson.RootElement.EnumerateObject().Where(static p => p.Name != "__metadata__").Select(static p => p.ToString()),
            json.RootElement.EnumerateObject().Where(static p => p.Name != "__metadata__").Select(static p => p.ToString()));
    }

    [Fact]
    public void WeightsInTorchSharpsFormatCannotHoldAVocabulary()
    {
        using var files = new TempFiles();
        using var network = new NormalizedNet();

        var error = Assert.Throws<ArgumentException>(() => network.SaveWeights(files.PathOf("model.dat"), Vocabulary.Build(s_training)));

        Assert.Contains("model.dat", error.Message);
        Assert.Contains(".safetensors", error.Message);
        Assert.Empty(Directory.GetFiles(files.Directory));
    }

    [Fact]
    public void WeightsSavedWithoutAVocabularySaySo()
    {
        using var files = new TempFiles();
        using var network = new NormalizedNet();
        var path = files.PathOf("model.safetensors");
        network.SaveWeights(path);

        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));

        Assert.Contains($"'{path}' holds weights but no vocabulary", error.Message);
    }

    [Fact]
    public void ATruncatedWeightsFileIsReportedAsSuch()
    {
        using var files = new TempFiles();
        using var network = new NormalizedNet();
        var path = files.PathOf("model.safetensors");
        network.SaveWeights(path, Vocabulary.Build(s_training));
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);

        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));

        Assert.Contains($"'{path}' is not a complete safetensors file", error.Message);
    }

    [Theory]
    [InlineData("not json at all", "it is not JSON")]
    [InlineData("[1, 2]", "no \"format\": \"NetGen.Vocabulary\" entry")]
    [InlineData("{\"format\": \"Other\"}", "no \"format\": \"NetGen.Vocabulary\" entry")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 2}", "version 2 is not 1")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": true, \"punctuation\": \"\", \"split\": \"words\", \"words\": []}", "\"split\" is \"words\"")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": 1, \"punctuation\": \"\", \"split\": \"whitespace\", \"words\": []}", "\"lowercase\" is missing or not a boolean")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": true, \"punctuation\": \"\", \"split\": \"whitespace\", \"words\": [\"\"]}", "lacks the padding and out-of-vocabulary tokens")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": true, \"punctuation\": \"\", \"split\": \"whitespace\", \"words\": [\"[UNK]\", \"\"]}", "id 0 is \"[UNK]\", not the reserved token \"\"")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": true, \"punctuation\": \"\", \"split\": \"whitespace\", \"words\": [\"\", \"[UNK]\", \"a\", \"a\"]}", "the word of id 3 'a' appears twice")]
    [InlineData("{\"format\": \"NetGen.Vocabulary\", \"version\": 1, \"lowercase\": true, \"punctuation\": \"\", \"split\": \"whitespace\", \"words\": [\"\", \"[UNK]\", 7]}", "the word of id 2 is null")]
    public void ADamagedOrForeignVocabularyFileIsNamedWithItsProblem(string content, string problem)
    {
        using var files = new TempFiles();
        var path = files.Write("words.json", content);

        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));

        Assert.StartsWith($"'{path}' is not a valid NetGen vocabulary file: ", error.Message);
        Assert.Contains(problem, error.Message);
    }

    [Theory]
    [InlineData("{\"netgen.vocabulary\": \"[1, 2]\"}", "The vocabulary in '{0}' (metadata 'netgen.vocabulary') is not valid: it has no \"format\"")]
    [InlineData("{\"netgen.vocabulary\": 3}", "'{0}' is not a valid safetensors file: metadata 'netgen.vocabulary' is not a string.")]
    [InlineData("[]", "'{0}' is not a valid safetensors file: its __metadata__ is not an object.")]
    public void ForeignMetadataInAWeightsFileIsNamed(string metadata, string message)
    {
        using var files = new TempFiles();
        var path = files.PathOf("foreign.safetensors");
        WeightFiles.WriteSafetensors(path, $"{{\"__metadata__\":{metadata},{WeightFiles.Entry("w", "F32", [2], 0, 8)}}}", new byte[8]);

        var error = Assert.Throws<InvalidDataException>(() => Vocabulary.Load(path));

        Assert.StartsWith(string.Format(message, path), error.Message);
    }

    [Fact]
    public void AMissingFileOrADirectoryIsNamed()
    {
        using var files = new TempFiles();

        Assert.Contains("missing.json", Assert.Throws<FileNotFoundException>(() => Vocabulary.Load(files.PathOf("missing.json"))).Message);
        Assert.Contains("missing.safetensors", Assert.Throws<FileNotFoundException>(() => Vocabulary.Load(files.PathOf("missing.safetensors"))).Message);
        Assert.Contains("is a directory", Assert.Throws<FileNotFoundException>(() => Vocabulary.Load(files.Directory)).Message);
    }

    [Fact]
    public void SavingAgainReplacesTheFileWhole()
    {
        using var files = new TempFiles();
        var path = files.PathOf("words.json");
        Vocabulary.Build(s_training).Save(path);
        var smaller = Vocabulary.Build(["one two"]);

        smaller.Save(path);

        Assert.Equal(smaller.Words, Vocabulary.Load(path).Words);
        Assert.Equal([Path.GetFileName(path)], Directory.GetFiles(files.Directory).Select(Path.GetFileName));
    }

    private static (byte[] Header, byte[] Data) Split(byte[] file)
    {
        var length = (int)BitConverter.ToUInt64(file, 0);
        return (file[8..(8 + length)], file[(8 + length)..]);
    }
}
