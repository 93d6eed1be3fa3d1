using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0124 and the existing shape rules as the sequence layers report them: attention's query and value, one by one.</summary>
public sealed class SequenceLayerRuleTests
{
    [Fact]
    public async Task NG0124_QueryAndValueFeaturesDiffer_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input("target", 16, Name = "decoder")]
            [Input("source", 32, Name = "encoder")]
            public partial class Net
            {
                [{|NG0124:Attention("decoder", "encoder")|}] public partial NetGen.Layers.Attention Context { get; }
            }
            """);

        Assert.Equal(
            "Attention layer 'Context' scores each query step against each value step feature by feature, so both need the same number of features; got query decoder (None, target, 16) and value encoder (None, source, 32)",
            MessageOf(diagnostics, "NG0124"));
    }

    [Fact]
    public Task NG0124_AdditiveAttentionFeaturesDiffer_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(5, 8)]
        public partial class Net
        {
            [Dense(4)] public partial Linear Keys { get; }
            [{|NG0124:AdditiveAttention(nameof(Keys), "input")|}] public partial NetGen.Layers.AdditiveAttention Context { get; }
        }
        """);

    [Fact]
    public Task NG0124_DifferentStepsAndSelfAttention_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input("target", 16, Name = "decoder")]
        [Input("source", 16, Name = "encoder")]
        public partial class Net
        {
            [Attention("decoder", "encoder", UseScale = true)] public partial NetGen.Layers.Attention Context { get; }
            [AdditiveAttention(nameof(Context), nameof(Context))] public partial NetGen.Layers.AdditiveAttention Self { get; }
            [MultiHeadAttention(2, 8, nameof(Self), "encoder")] public partial NetGen.Layers.MultiHeadAttention Cross { get; }
        }
        """);

    [Fact]
    public Task NG0124_MultiHeadAttentionProjectsDifferentFeatures_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input("target", 16, Name = "decoder")]
        [Input("source", 32, Name = "encoder")]
        public partial class Net
        {
            [MultiHeadAttention(4, 8, "decoder", "encoder", ValueDim = 6)] public partial NetGen.Layers.MultiHeadAttention Cross { get; }
        }
        """);

    [Fact]
    public Task NG0101_VectorAsValue_ReportedOnTheValueArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(5, 8, Name = "decoder")]
        [Input(8, Name = "state")]
        public partial class Net
        {
            [Attention("decoder", {|NG0101:"state"|})] public partial NetGen.Layers.Attention Context { get; }
        }
        """);

    [Fact]
    public Task NG0008_UnknownQuery_ReportedOnTheQueryArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(5, 8)]
        public partial class Net
        {
            [MultiHeadAttention(2, 4, {|NG0008:"Decoder"|}, "input")] public partial NetGen.Layers.MultiHeadAttention Cross { get; }
        }
        """);

    [Fact]
    public Task NG0101_GlobalPoolingOfAVectorAndRepeatVectorOfASequence_ReportedOnAttributes_PoolingASequenceSilent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(5, 8)]
        public partial class Net
        {
            [{|NG0101:RepeatVector(3)|}] public partial NetGen.Layers.RepeatVector Again { get; }
            [GlobalMaxPooling1D(From = "input")] public partial NetGen.Layers.GlobalMaxPooling1D Pool { get; }
            [{|NG0101:GlobalAveragePooling1D(From = nameof(Pool))|}] public partial NetGen.Layers.GlobalAveragePooling1D Twice { get; }
            [Concatenate(nameof(Again), nameof(Twice))] public partial NetGen.Layers.Concatenate Both { get; }
        }
        """);
}
