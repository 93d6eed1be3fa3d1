using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0123: a vocabulary with more ids than the Embedding that reads them has rows, found in the code that trains the network.</summary>
public sealed class VocabularyAnalyzerTests
{
    private const string Network = """
        using NetGen;
        using NetGen.Data.Text;
        using NetGen.Layers;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(50, ElementType = ElementType.Int64, Name = "tokens")]
        public partial class SpamNet
        {
            [Embedding(10000, 16, MaskZero = true)] public partial Embedding Words { get; }
            [LSTM(16)] public partial Recurrent Lstm { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }

        """;

    [Fact]
    public async Task NG0123_IdsThroughEncodeAndPadSequences_ReportedAtTheIds()
    {
        var diagnostics = await VerifyAsync(Network + """
            public static class Training
            {
                public static void Train(string[] texts, Tensor labels)
                {
                    var vocabulary = Vocabulary.Build(texts, maxWords: 20000);
                    var encoded = vocabulary.Encode(texts);
                    var ids = Sequences.PadSequences(encoded, maxLength: 50);
                    using var network = new SpamNet();
                    network.Fit([|ids|], labels, epochs: 5);
                    using var predictions = network.Predict([|Sequences.PadSequences(vocabulary.Encode(texts), 50)|]);
                }
            }
            """, "NG0123");

        Assert.Equal(
            "'vocabulary' holds up to 20000 ids (maxWords: 20000), but Embedding 'Words' of 'SpamNet' that reads them has inputDim 10000: ids from 10000 on have no row; give the Embedding inputDim 20000, or build the vocabulary with maxWords: 10000",
            diagnostics[0].GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task NG0123_WhenUnsureOrFitting_Silent() => VerifyAsync(Network + """
        public static class Training
        {
            // Exactly as many ids as rows.
            public static void Fits(string[] texts, Tensor labels)
            {
                var vocabulary = Vocabulary.Build(texts, maxWords: 10000);
                var ids = Sequences.PadSequences(vocabulary.Encode(texts), maxLength: 50);
                using var network = new SpamNet();
                network.Fit(ids, labels);
            }

            // No maxWords, a computed one, a vocabulary from elsewhere, a local written twice.
            public static void Unsure(string[] texts, Tensor labels, Vocabulary given, int maxWords)
            {
                using var network = new SpamNet();
                network.Fit(Sequences.PadSequences(Vocabulary.Build(texts).Encode(texts)), labels);
                network.Fit(Sequences.PadSequences(Vocabulary.Build(texts, maxWords: maxWords).Encode(texts)), labels);
                network.Fit(Sequences.PadSequences(given.Encode(texts)), labels);
                var vocabulary = Vocabulary.Build(texts, maxWords: 20000);
                vocabulary = given;
                network.Fit(Sequences.PadSequences(vocabulary.Encode(texts)), labels);
            }
        }
        """);

    [Fact]
    public Task NG0123_EmbeddingThatDoesNotReadTheInput_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Data.Text;
        using NetGen.Layers;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(50, ElementType = ElementType.Int64, Name = "tokens")]
        public partial class Shifted
        {
            [Embedding(30000, 16)] public partial Embedding Words { get; }
            [Dense(1)] public partial Linear Score { get; }
        }

        public static class Training
        {
            public static void Train(string[] texts, Tensor labels)
            {
                var vocabulary = Vocabulary.Build(texts, maxWords: 20000);
                using var network = new Shifted();
                network.Fit(Sequences.PadSequences(vocabulary.Encode(texts)), labels);
            }
        }
        """);
}
