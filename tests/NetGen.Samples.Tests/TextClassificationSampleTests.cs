using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using NetGen.Data.Text;
using NetGen.Samples.TextClassification;

namespace NetGen.Samples.Tests;

/// <summary>The text-classification sample on tiny settings (the full run is the README's command), and its four networks.</summary>
public sealed class TextClassificationSampleTests
{
    private static string DataDirectory => Path.Combine(AppContext.BaseDirectory, "Data", "spam-assassin");

    [Fact]
    public void TrainsTheFourModelsStopsOnValidationSavesTheBestWithItsVocabularyAndClassifiesRawTexts()
    {
        var output = new StringWriter();
        var directory = Directory.CreateTempSubdirectory("netgen-text-classification-").FullName;
        var options = new TextClassificationOptions
        {
            Epochs = 2,
            MaxLength = 30,
            Patience = 1,
            DataDirectory = DataDirectory,
            OutputDirectory = directory,
        };

        var result = TextClassificationSample.Run(output, options);

        var text = output.ToString();
        // 250 ham and 250 spam, 15% of each class for validation and for test.
        Assert.Equal((348, 76, 76), (result.TrainCount, result.ValidationCount, result.TestCount));
        Assert.Equal(new[] { "SimpleRNN", "LSTM", "GRU", "BiLSTM" }, result.Models.Select(static m => m.Name));
        Assert.Equal(
            new[] { SimpleRnnClassifier.ParameterCount, LstmClassifier.ParameterCount, GruClassifier.ParameterCount, BidirectionalLstmClassifier.ParameterCount },
            result.Models.Select(static m => m.ParameterCount));
        foreach (var name in new[] { "SimpleRnnClassifier", "LstmClassifier", "GruClassifier", "BidirectionalLstmClassifier" })
        {
            Assert.Contains($"Model: \"{name}\"", text);
        }

        Assert.Contains("Model       Params  Epochs  Best  Val loss  Val acc  Test loss  Test acc  Seconds", text);
        Assert.Contains(text.Split('\n'), static line => line.StartsWith("LSTM       328,481 ", StringComparison.Ordinal));
        foreach (var model in result.Models)
        {
            Assert.InRange(model.EpochsRun, 1, 2);
            Assert.InRange(model.BestEpoch, 1, model.EpochsRun);
            Assert.Equal(new[] { "loss", "accuracy", "val_loss", "val_accuracy" }, model.History.Values.Keys.ToArray());

            // The restored weights are the best epoch's: evaluating them again gives that epoch's validation loss.
            Assert.Equal(model.History["val_loss"].Min(), model.ValidationLoss, 4);
            Assert.Equal(model.History["val_loss"][model.BestEpoch - 1], model.ValidationLoss, 4);
            Assert.InRange(model.TestAccuracy, 0, 1);
        }

        // Chosen on validation, not on test.
        Assert.Equal(result.Models.MinBy(static m => m.ValidationLoss)!.Name, result.BestModel);
        Assert.Contains($"Best on validation loss: {result.BestModel}.", text);
        Assert.True(result.PredictionsEqualAfterReload);

        // The file holds the vocabulary of the training split only, the same as building it again.
        var split = SpamAssassin.Load(DataDirectory).Split(options.ValidationFraction, options.TestFraction, options.Seed);
        var expected = Vocabulary.Build(split.Train.Texts, maxWords: options.MaxWords);
        var saved = Vocabulary.Load(result.WeightsPath);
        Assert.Equal(expected.Words, saved.Words);
        Assert.Equal(result.VocabularySize, saved.Size);
        Assert.InRange(saved.Size, 3, TextClassificationOptions.EmbeddingRows);
        var testOnlyWord = split.Test.Texts.SelectMany(t => expected.Standardization.Tokens(t)).Except(split.Train.Texts.SelectMany(t => expected.Standardization.Tokens(t))).First();
        Assert.False(saved.Contains(testOnlyWord));

        Assert.Equal(TextClassificationSample.ExampleTexts, result.Examples.Select(static e => e.Text));
        Assert.All(result.Examples, static e => Assert.InRange(e.SpamProbability, 0, 1));
        Assert.Contains("Raw texts classified by the ", text);
    }

    [Fact]
    public void TheLstmLearnsToSeparateSpamFromHam()
    {
        var result = TextClassificationSample.Run(TextWriter.Null, new TextClassificationOptions
        {
            Models = ["LSTM"],
            Epochs = 4,
            MaxLength = 60,
            DataDirectory = DataDirectory,
            OutputDirectory = Directory.CreateTempSubdirectory("netgen-text-classification-").FullName,
        });

        var lstm = Assert.Single(result.Models);
        Assert.True(lstm.History["loss"][^1] < lstm.History["loss"][0], "the training loss falls");
        Assert.InRange(lstm.ValidationAccuracy, 0.75, 1.0);
        Assert.InRange(lstm.TestAccuracy, 0.7, 1.0);
    }

    [Theory]
    [InlineData(nameof(TextClassificationOptions.MaxWords), 10_001)]
    [InlineData(nameof(TextClassificationOptions.MaxWords), 2)]
    [InlineData(nameof(TextClassificationOptions.MaxLength), 0)]
    [InlineData(nameof(TextClassificationOptions.Epochs), 0)]
    public void OptionsOutOfRangeAreRefusedByName(string option, int value)
    {
        var options = option switch
        {
            nameof(TextClassificationOptions.MaxWords) => new TextClassificationOptions { MaxWords = value },
            nameof(TextClassificationOptions.MaxLength) => new TextClassificationOptions { MaxLength = value },
            _ => new TextClassificationOptions { Epochs = value },
        };

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => TextClassificationSample.Run(TextWriter.Null, options));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void AnUnknownModelIsRefusedWithTheChoices()
    {
        var error = Assert.Throws<ArgumentException>(() => TextClassificationSample.Run(TextWriter.Null, new TextClassificationOptions { Models = ["LSTM", "Transformer"] }));

        Assert.Contains("'Transformer'", error.Message);
        Assert.Contains("SimpleRNN, LSTM, GRU, BiLSTM", error.Message);
    }

    [Fact]
    public void TheNetworksDifferOnlyInTheirRecurrentLayer()
    {
        // Embedding 10,000 x 32; PyTorch's recurrent counts (docs/recurrent.md); Dense 32 -> 1, or 64 -> 1 after the concatenated directions.
        const long embedding = 10_000 * 32;
        Assert.Equal(embedding + (32 * (32 + 32)) + (2 * 32) + 33, SimpleRnnClassifier.ParameterCount);
        Assert.Equal(embedding + (4 * 32 * (32 + 32)) + (8 * 32) + 33, LstmClassifier.ParameterCount);
        Assert.Equal(embedding + (3 * 32 * (32 + 32)) + (6 * 32) + 33, GruClassifier.ParameterCount);
        Assert.Equal(embedding + (2 * ((4 * 32 * (32 + 32)) + (8 * 32))) + 65, BidirectionalLstmClassifier.ParameterCount);
    }

    [Theory]
    [InlineData(typeof(SimpleRnnClassifier))]
    [InlineData(typeof(LstmClassifier))]
    [InlineData(typeof(GruClassifier))]
    [InlineData(typeof(BidirectionalLstmClassifier))]
    public void XmlDocSummaryEqualsRuntimeSummary(Type networkType)
    {
        var documentation = XDocument.Load(Path.ChangeExtension(networkType.Assembly.Location, ".xml"));
        var member = documentation.Descendants("member").Single(m => (string?)m.Attribute("name") == "T:" + networkType.FullName);
        var table = member.Element("remarks")!.Element("code")!.Value;
        using var network = (INetwork)Activator.CreateInstance(networkType)!;

        Assert.Equal(network.Summary(), DocText.Dedent(table));
    }
}
