using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0116-NG0118 and the element types of Embedding and the recurrent layers.</summary>
public sealed class RecurrentRuleTests
{
    [Fact]
    public async Task NG0116_RecurrentLayerOnAVector_SaysHowToMakeASequence()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(12)]
            public partial class Net
            {
                [{|NG0116:LSTM(16)|}] public partial Recurrent Lstm { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "LSTM layer 'Lstm' needs a sequence (steps, features) but its input is (None, 12), one vector per sample: reshape a series to (steps, 1) with [Reshape(steps, 1)], or map token ids to vectors with an [Embedding] layer first",
            Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task NG0116_SequencesOfEveryRank2Form_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input(12)]
        public partial class Series
        {
            [Reshape(12, 1)] public partial Reshape Steps { get; }
            [SimpleRNN(8)] public partial Recurrent Rnn { get; }
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network]
        [Input("steps", 3)]
        public partial class Named
        {
            [GRU(8, ReturnSequences = true)] public partial Recurrent Gru { get; }
            [Dense(1, TimeDistributed = true)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0119_TokenIdsIntoARecurrentLayer_AndNG0120_FeaturesIntoAnEmbedding() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", ElementType = ElementType.Int64)]
        public partial class Ids
        {
            [{|NG0119:GRU(8)|}] public partial Recurrent Gru { get; }
        }

        [Network]
        [Input("steps")]
        public partial class Floats
        {
            [{|NG0120:Embedding(100, 8)|}] public partial Embedding Words { get; }
            [LSTM(8)] public partial Recurrent Lstm { get; }
        }
        """);

    [Fact]
    public async Task NG0117_StackedOnALastOutput_ReportedAtTheLowerLayer()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input("steps", 8)]
            public partial class Net
            {
                [{|NG0117:LSTM(32)|}] public partial Recurrent Lower { get; }
                [Dropout(0.2)] public partial Dropout Drop { get; }
                [GRU(16)] public partial Recurrent Upper { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "LSTM layer 'Lower' returns only its last output (32 values), but GRU layer 'Upper' stacked on it needs a sequence; set ReturnSequences = true on 'Lower'",
            Assert.Single(diagnostics).GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public Task NG0117_LowerLayerReturnsSequences_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", 8)]
        public partial class Net
        {
            [LSTM(32, ReturnSequences = true, Bidirectional = true)] public partial Recurrent Lower { get; }
            [Dense(16)] public partial Linear PerStep { get; }
            [LSTM(16)] public partial Recurrent Upper { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0118_InitialStateOfAnotherSizeKindOrLayer_ReportedAtTheArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input("steps", 8)]
            public partial class Net
            {
                [LSTM(16, Bidirectional = true)] public partial Recurrent Encoder { get; }
                [Dense(4, From = "input")] public partial Linear Project { get; }
                [LSTM(16, ReturnSequences = true, From = "input", InitialState = {|NG0118:nameof(Encoder)|})] public partial Recurrent Small { get; }
                [GRU(32, ReturnSequences = true, From = nameof(Small), InitialState = {|NG0118:nameof(Encoder)|})] public partial Recurrent Gru { get; }
                [SimpleRNN(4, ReturnSequences = true, InitialState = {|NG0118:nameof(Project)|})] public partial Recurrent Rnn { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("LSTM layer 'Small' cannot start from the final state of 'Encoder': its final state has 32 values per sample (16 units in each of 2 directions) and this layer has 16 units; give it 32 units", messages);
        Assert.Contains("GRU layer 'Gru' cannot start from the final state of 'Encoder': 'Encoder' is an LSTM layer, whose state has a cell state besides the hidden one; start a GRU layer from a GRU layer", messages);
        Assert.Contains("SimpleRNN layer 'Rnn' cannot start from the final state of 'Project': 'Project' is a Dense layer, not a recurrent layer", messages);
    }

    [Fact]
    public Task NG0118_StateOfTheSameKindAndSize_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("source", 8, Name = "source")]
        [Input("target", 8, Name = "target")]
        public partial class Net
        {
            [LSTM(16, Bidirectional = true, ReturnSequences = true, From = "source")] public partial Recurrent Encoder { get; }
            [LSTM(32, ReturnSequences = true, From = "target", InitialState = nameof(Encoder))] public partial Recurrent Decoder { get; }
            [GRU(8, From = "source")] public partial Recurrent GruEncoder { get; }
            [GRU(8, ReturnSequences = true, From = nameof(Decoder), InitialState = nameof(GruEncoder))] public partial Recurrent GruDecoder { get; }
            [Dense(8)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0008_InitialStateNamingNothing() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", 8)]
        public partial class Net
        {
            [LSTM(16, ReturnSequences = true, InitialState = {|NG0008:"Encodr"|})] public partial Recurrent Decoder { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task MaskedTextClassifier_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input("words", ElementType = ElementType.Int64)]
        public partial class Net
        {
            [Embedding(1000, 16, MaskZero = true)] public partial Embedding Words { get; }
            [LSTM(8, Bidirectional = true)] public partial Recurrent Lstm { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """);
}
