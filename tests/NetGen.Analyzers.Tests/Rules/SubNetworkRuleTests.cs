using System.Threading.Tasks;
using System;
using System.Linq;
using Xunit;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0024-NG0027 and the member type of a [SubNetwork]: networks used as layers of other networks.</summary>
public sealed class SubNetworkRuleTests
{
    private const string EncoderAndDecoder = """
        [Network]
        [Input(784)]
        public partial class Encoder
        {
            [Dense(64, Activation.ReLU)] public partial Linear Code { get; }
        }

        [Network]
        [Input(64)]
        public partial class Decoder
        {
            [Dense(784, Activation.Sigmoid)] public partial Linear Pixels { get; }
        }
        """;

    [Fact]
    public Task EncoderThenDecoder_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + EncoderAndDecoder + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(784)]
        public partial class Autoencoder
        {
            [SubNetwork] public partial Encoder Encode { get; }
            [SubNetwork] public partial Decoder Decode { get; }
        }
        """);

    [Fact]
    public async Task NG0024_InputShapeDiffers_ReportedOnTheAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + EncoderAndDecoder + """

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(784)]
            public partial class Autoencoder
            {
                [SubNetwork] public partial Encoder Encode { get; }
                [Dense(32, Activation.ReLU)] public partial Linear Narrow { get; }
                [{|NG0024:SubNetwork|}] public partial Decoder Decode { get; }
            }
            """);

        Assert.Equal("Layer 'Decode' gives (None, 32) to sub-network 'Decoder', whose input 'input' is (None, 64)", MessageOf(diagnostics, "NG0024"));
    }

    [Fact]
    public async Task NG0024_ElementTypeDiffers_ReportedOnTheAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(10, ElementType = ElementType.Int64)]
            public partial class TokenEncoder
            {
                [Embedding(100, 4)] public partial Embedding Vectors { get; }
                [Flatten] public partial Flatten Flat { get; }
            }

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(10)]
            public partial class Reader
            {
                [{|NG0024:SubNetwork|}] public partial TokenEncoder Encode { get; }
            }
            """);

        Assert.Equal("Layer 'Encode' gives (None, 10) to sub-network 'TokenEncoder', whose input 'input' is (None, 10) int64", MessageOf(diagnostics, "NG0024"));
    }

    private const string Matcher = """
        [Network]
        [Input(4, Name = "query")]
        [Input(6, Name = "context")]
        public partial class Matcher
        {
            [Concatenate("query", "context")] public partial NetGen.Layers.Concatenate Joined { get; }
            [Output][Dense(4, Activation.ReLU)] public partial Linear Features { get; }
            [Output][Dense(1, Activation.Sigmoid)] public partial Linear Relevance { get; }
        }
        """;

    [Fact]
    public Task TwoInputSubNetwork_NamedInOrderAndShared_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + Matcher + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(4, Name = "question")]
        [Input(6, Name = "passage")]
        [Input(6, Name = "other")]
        public partial class Reranker
        {
            [Dense(4, From = "question")] public partial Linear Rewrite { get; }
            [SubNetwork(nameof(Rewrite), "passage", Output = nameof(Matcher.Features))] public partial Matcher Read { get; }
            [SubNetwork(nameof(Read), "other", Output = nameof(Matcher.Relevance), Shares = nameof(Read))] public partial Matcher Score { get; }
        }
        """);

    [Fact]
    public Task OneInputSubNetwork_NamedLikeFrom_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + EncoderAndDecoder + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(784)]
        public partial class Autoencoder
        {
            [SubNetwork] public partial Encoder Encode { get; }
            [Dense(32, Activation.ReLU, From = "input")] public partial Linear Other { get; }
            [Output][SubNetwork(nameof(Encode))] public partial Decoder Decode { get; }
            [Output][Dense(1, Activation.Sigmoid, From = nameof(Other))] public partial Linear Side { get; }
        }
        """);

    [Fact]
    public async Task NG0027_TwoInputSubNetworkGivenOne_ReportedOnTheAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, Name = "wide")]
            [Input(3, Name = "deep")]
            public partial class Pair
            {
                [Add("wide", "deep")] public partial NetGen.Layers.Add Sum { get; }
            }

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(3)]
            public partial class User
            {
                [{|NG0027:SubNetwork|}] public partial Pair Both { get; }
            }
            """);

        Assert.Equal("Layer 'Both' gives 1 input to sub-network 'Pair', which takes 2: 'wide', 'deep'; name one layer or input for each, in that order", MessageOf(diagnostics, "NG0027"));
    }

    [Fact]
    public async Task NG0020_TwoInputSubNetworkFirstInTwoInputNetworkNamingNothing_AsksForItsInputsNotFrom()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + Matcher + """

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(4, Name = "question")]
            [Input(6, Name = "passage")]
            public partial class Reranker
            {
                [{|NG0020:SubNetwork(Output = nameof(Matcher.Relevance))|}] public partial Matcher Score { get; }
            }
            """);

        Assert.Equal(
            "Layer 'Score' is the first layer and has no From, but network 'Reranker' has several inputs ('question', 'passage'); name the inputs it takes in its attribute, in the order it declares them, such as [SubNetwork(\"question\", \"passage\")]",
            MessageOf(diagnostics, "NG0020"));
    }

    [Fact]
    public async Task NG0027_MoreNamesThanInputs_ReportedOnTheFirstNameTooMany()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + Matcher + """

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(4, Name = "question")]
            [Input(6, Name = "passage")]
            public partial class Reranker
            {
                [SubNetwork("question", "passage", {|NG0027:"passage"|}, Output = nameof(Matcher.Relevance))] public partial Matcher Score { get; }
            }
            """);

        Assert.Equal("Layer 'Score' gives 3 inputs to sub-network 'Matcher', which takes 2: 'query', 'context'; name one layer or input for each, in that order", MessageOf(diagnostics, "NG0027"));
    }

    [Fact]
    public Task NG0027_OneNameForTwoInputs_ReportedOnTheAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + Matcher + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(4, Name = "question")]
        [Input(6, Name = "passage")]
        public partial class Reranker
        {
            [{|NG0027:SubNetwork("question", Output = nameof(Matcher.Relevance))|}] public partial Matcher Score { get; }
        }
        """);

    [Fact]
    public async Task NG0024_NamedInputOfTheWrongShape_ReportedOnThatNameAndNamesTheInput()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + Matcher + """

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(4, Name = "question")]
            [Input(5, Name = "passage")]
            public partial class Reranker
            {
                [SubNetwork("question", {|NG0024:"passage"|}, Output = nameof(Matcher.Relevance))] public partial Matcher Score { get; }
            }
            """);

        Assert.Equal("Layer 'Score' gives (None, 5) from 'passage' to sub-network 'Matcher', whose input 'context' is (None, 6)", MessageOf(diagnostics, "NG0024"));
    }

    [Fact]
    public Task NG0024_InputsSwapped_ReportedOnBothNames() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + Matcher + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(4, Name = "question")]
        [Input(6, Name = "passage")]
        public partial class Reranker
        {
            [SubNetwork({|NG0024:"passage"|}, {|NG0024:"question"|}, Output = nameof(Matcher.Relevance))] public partial Matcher Score { get; }
        }
        """);

    [Fact]
    public Task NG0008_NamedInputThatIsNoMember_ReportedOnTheName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + Matcher + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(4, Name = "question")]
        [Input(6, Name = "passage")]
        public partial class Reranker
        {
            [SubNetwork("question", {|NG0008:"pasage"|}, Output = nameof(Matcher.Relevance))] public partial Matcher Score { get; }
        }
        """);

    [Fact]
    public Task NG0012_NamedInputsAndFrom_ReportedOnFrom() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + Matcher + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(4, Name = "question")]
        [Input(6, Name = "passage")]
        public partial class Reranker
        {
            [SubNetwork("question", "passage", From = {|NG0012:"question"|}, Output = nameof(Matcher.Relevance))] public partial Matcher Score { get; }
        }
        """);

    [Fact]
    public async Task NG0025_NetworkContainsItselfThroughAnother_ReportedOnEachMembersType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Outer
            {
                [SubNetwork] public partial {|NG0025:Inner|} Body { get; }
            }

            [Network]
            [Input(4)]
            public partial class Inner
            {
                [Dense(4)] public partial Linear Hidden { get; }
                [SubNetwork] public partial {|NG0025:Outer|} Again { get; }
            }
            """);

        Assert.Equal(
            ["Layer 'Again' is a 'Outer', which contains the network declaring it (Inner -> Outer -> Inner); a network cannot contain itself",
             "Layer 'Body' is a 'Inner', which contains the network declaring it (Outer -> Inner -> Outer); a network cannot contain itself"],
            diagnostics.Where(static d => d.Id == "NG0025").Select(static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NG0032_AbstractSubNetwork_ReportedOnTheType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public abstract partial class Encoder
            {
                [Dense(4, Activation.ReLU)] public partial Linear Code { get; }
            }

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Regressor
            {
                [SubNetwork] public partial {|NG0032:Encoder|} Encode { get; }
                [Dense(1)] public partial Linear Value { get; }
            }
            """);

        Assert.Equal("Layer 'Encode' is a 'Encoder', which is abstract; a network creates its sub-networks, so 'Encoder' must be a concrete class", MessageOf(diagnostics, "NG0032"));
    }

    [Fact]
    public Task NG0032_AbstractNetworkNotUsedAsASubNetworkAndSealedSubNetwork_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public abstract partial class Standalone
        {
            [Dense(4, Activation.ReLU)] public partial Linear Code { get; }
        }

        [Network]
        [Input(8)]
        public sealed partial class Encoder
        {
            [Dense(4, Activation.ReLU)] public partial Linear Code { get; }
        }

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(8)]
        public partial class Regressor
        {
            [SubNetwork] public partial Encoder Encode { get; }
            [Dense(1)] public partial Linear Value { get; }
        }
        """);

    [Fact]
    public Task NG0025_NetworkContainsItselfDirectly_ReportedOnTheType() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Recursive
        {
            [Dense(4)] public partial Linear Hidden { get; }
            [SubNetwork] public partial {|NG0025:Recursive|} Again { get; }
        }
        """);

    [Fact]
    public Task NG0025_SameSubNetworkTwiceIsNotACycle_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Block
        {
            [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
        }

        [Network]
        [Input(4)]
        public partial class Middle
        {
            [SubNetwork] public partial Block First { get; }
        }

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4)]
        public partial class Top
        {
            [SubNetwork] public partial Block First { get; }
            [SubNetwork] public partial Middle Second { get; }
            [SubNetwork] public partial Block Third { get; }
        }
        """);

    private const string TwoHeadedEncoder = """
        [Network]
        [Input(8)]
        public partial class Encoder
        {
            [Dense(16, Activation.ReLU)] public partial Linear Hidden { get; }
            [Output][Dense(2)] public partial Linear Mean { get; }
            [Output][Dense(3, From = nameof(Hidden))] public partial Linear LogVariance { get; }
        }
        """;

    [Fact]
    public async Task NG0026_SeveralOutputsAndNoneNamed_ReportedOnTheAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + TwoHeadedEncoder + """

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Regressor
            {
                [{|NG0026:SubNetwork|}] public partial Encoder Encode { get; }
                [Dense(1)] public partial Linear Value { get; }
            }
            """);

        Assert.Equal("Sub-network 'Encoder' of layer 'Encode' has the outputs 'Mean', 'LogVariance'; say which one this layer gives with Output = nameof(Encoder.Mean)", MessageOf(diagnostics, "NG0026"));
    }

    [Fact]
    public async Task NG0026_OutputNamesNoOutput_ReportedOnTheArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            """ + TwoHeadedEncoder + """

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Regressor
            {
                [SubNetwork(Output = {|NG0026:nameof(Encoder.Hidden)|})] public partial Encoder Encode { get; }
                [Dense(1)] public partial Linear Value { get; }
            }
            """);

        Assert.Equal("Sub-network 'Encoder' of layer 'Encode' has no output 'Hidden'; its outputs are 'Mean', 'LogVariance'", MessageOf(diagnostics, "NG0026"));
    }

    [Fact]
    public Task NG0026_OutputNamed_ShapeCheckedDownstream() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + TwoHeadedEncoder + """

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(8)]
        public partial class Regressor
        {
            [SubNetwork(Output = nameof(Encoder.LogVariance))] public partial Encoder Encode { get; }
            [Dense(1)] public partial Linear Value { get; }
            [{|NG0102:Add(nameof(Encode), nameof(Value))|}] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public async Task NG0006_MemberTypeNotANetwork_ReportedOnTheType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [SubNetwork] public partial {|NG0006:Linear|} Body { get; }
            }
            """);

        Assert.Equal("Layer 'Body' (SubNetwork) must be declared as 'a class marked [Network] declared in this project', not 'TorchSharp.Modules.Linear'", MessageOf(diagnostics, "NG0006"));
    }

    [Fact]
    public Task NG0012_SharesAMemberOfAnotherType_ReportedOnTheArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        """ + EncoderAndDecoder + """

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(784)]
        public partial class Autoencoder
        {
            [SubNetwork] public partial Encoder Encode { get; }
            [SubNetwork] public partial Decoder Decode { get; }
            [SubNetwork(Shares = {|NG0012:nameof(Encode)|})] public partial Decoder Again { get; }
        }
        """);

    [Fact]
    public async Task NG0013_ClassNamedLikeAnInheritedModuleMember_ReportedOnTheName()
    {
        // Found by the fuzzer: inside the class, register_module.Season means the inherited method
        // (CS0119, which the base class of even the placeholder keeps); NG0013 says why.
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input({|CS0119:register_module|}.Season)]
            public partial class {|NG0013:register_module|}
            {
                public const int Season = 4;
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Network 'register_module' must be named differently from 'register_module', a member it inherits from TorchSharp's Module (inside the class the name would mean that member)", MessageOf(diagnostics, "NG0013"));
    }

    [Fact]
    public Task NG0013_ClassNamedLikeNoModuleMember_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(Registered.Season)]
        public partial class Registered
        {
            public const int Season = 4;
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task Siamese_SharedEncoderOnTwoInputs_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Tower
        {
            [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
        }

        [Network(Loss = Loss.MeanSquaredError)]
        [Input(4, Name = "left")]
        [Input(4, Name = "right")]
        public partial class Siamese
        {
            [SubNetwork(From = "left")] public partial Tower Left { get; }
            [SubNetwork(From = "right", Shares = nameof(Left))] public partial Tower Right { get; }
            [Concatenate(nameof(Left), nameof(Right))] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dense(1)] public partial Linear Distance { get; }
        }
        """);
}
