using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// NG0119-NG0122: token ids and features in the wrong layers, and a Dense that reads a recurrent
/// layer's returned sequence where one vector per sample was probably meant.
/// </summary>
public sealed class SequenceRuleTests
{
    [Fact]
    public async Task NG0119_TokenIdsIntoDenseAndConv1D_NamesTheInputAndTheFix()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8, ElementType = ElementType.Int64, Name = "tokens")]
            public partial class Net
            {
                [{|NG0119:Dense(4)|}] public partial Linear Output { get; }
            }

            [Network]
            [Input(20, 3, ElementType = ElementType.Int64)]
            public partial class Conv
            {
                [{|NG0119:Conv1D(4, 3)|}] public partial Conv1d Filters { get; }
            }
            """);

        Assert.Contains(
            "Dense layer 'Output' receives token ids (int64) from 'tokens', but it computes with floating-point features: add an Embedding before it",
            System.Linq.Enumerable.Select(diagnostics, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public Task NG0119_IdsThroughAnEmbedding_AndAnIntegerImage_AreNotTokenIds() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", ElementType = ElementType.Int64)]
        public partial class Text
        {
            [Embedding(100, 8)] public partial Embedding Words { get; }
            [LSTM(8)] public partial Recurrent Lstm { get; }
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network]
        [Input(1, 28, 28, ElementType = ElementType.Int64)]
        public partial class Pixels
        {
            [{|NG0106:Conv2D(4, 3)|}] public partial Conv2d Conv { get; }
        }
        """);

    [Fact]
    public async Task NG0120_FeaturesIntoAnEmbedding_SaysHowToDeclareIds()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(100, Name = "tokens")]
            public partial class Net
            {
                [{|NG0120:Embedding(1000, 8)|}] public partial Embedding Words { get; }
            }
            """);

        Assert.Equal(
            "Embedding 'Words' looks up int64 token ids, but 'tokens' holds float32 values: declare the input with ElementType = ElementType.Int64, or remove the Embedding if the values are features, not ids",
            MessageOf(diagnostics, "NG0120"));
    }

    [Fact]
    public Task NG0120_BooleansIntoAnEmbedding_StayNG0106() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(100, ElementType = ElementType.Bool)]
        public partial class Net
        {
            [{|NG0106:Embedding(1000, 8)|}] public partial Embedding Words { get; }
        }
        """);

    [Fact]
    public async Task NG0121_HiddenDenseThroughDropoutAndLayerNormalization_NamesBothFixes()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input("steps", 8)]
            public partial class Net
            {
                [LSTM(32, ReturnSequences = true)] public partial Recurrent Lstm { get; }
                [Dropout(0.2)] public partial Dropout Drop { get; }
                [LayerNormalization] public partial LayerNorm Norm { get; }
                [{|NG0121:Dense(16, Activation.ReLU)|}] public partial Linear Hidden { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Dense layer 'Hidden' reads the sequence LSTM layer 'Lstm' returns, so it maps every step and outputs (None, steps, 16), not one vector per sample; set ReturnSequences = false on 'Lstm', or TimeDistributed = true on 'Hidden' if per-step outputs are meant",
            MessageOf(diagnostics, "NG0121"));
    }

    [Fact]
    public async Task NG0122_OutputDenseOnAReturnedSequence_IsAnError()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(50, ElementType = ElementType.Int64)]
            public partial class Net
            {
                [Embedding(1000, 16)] public partial Embedding Words { get; }
                [GRU(16, ReturnSequences = true, Bidirectional = true)] public partial Recurrent Gru { get; }
                [Activation(Activation.ReLU)] public partial ReLU Act { get; }
                [{|NG0122:Dense(1, Activation.Sigmoid)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Output layer 'Output' reads the sequence GRU layer 'Gru' returns, so the network predicts (None, 50, 1) per sample, one value per step; set ReturnSequences = false on 'Gru', or TimeDistributed = true on 'Output' if per-step outputs are meant",
            MessageOf(diagnostics, "NG0122"));
    }

    [Fact]
    public Task NG0121_NG0122_PerStepMeant_Silent() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        // Said so: TimeDistributed.
        [Network]
        [Input("steps", 8)]
        public partial class Tagger
        {
            [LSTM(32, ReturnSequences = true)] public partial Recurrent Lstm { get; }
            [Dropout(0.2)] public partial Dropout Drop { get; }
            [Dense(5, Activation.Softmax, TimeDistributed = true)] public partial Linear Tags { get; }
        }

        // A decoder: per-step outputs are its point.
        [Network]
        [Input("steps", 4, Name = "source")]
        [Input("steps", 4, Name = "target")]
        public partial class Seq2Seq
        {
            [LSTM(16, From = "source")] public partial Recurrent Encoder { get; }
            [LSTM(16, ReturnSequences = true, From = "target", InitialState = nameof(Encoder))] public partial Recurrent Decoder { get; }
            [Dense(4)] public partial Linear Next { get; }
        }

        // Something across steps in between, or after the Dense.
        [Network]
        [Input("steps", 8)]
        public partial class Pooled
        {
            [GRU(16, ReturnSequences = true)] public partial Recurrent Gru { get; }
            [GlobalAveragePooling1D] public partial GlobalAveragePooling1D Pool { get; }
            [Dense(1)] public partial Linear Output { get; }
        }

        [Network]
        [Input("steps", 8)]
        public partial class Stacked
        {
            [LSTM(16, ReturnSequences = true)] public partial Recurrent Lower { get; }
            [Dense(8)] public partial Linear Project { get; }
            [Dropout(0.1)] public partial Dropout Drop { get; }
            [LSTM(8)] public partial Recurrent Upper { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task TimeDistributed_NeedsASequence() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [{|NG0101:Dense(4, TimeDistributed = true)|}] public partial Linear Output { get; }
        }
        """);
}
