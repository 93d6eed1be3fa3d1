using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0101-NG0104: shapes flowing between layers.</summary>
public sealed class ShapeRuleTests
{
    [Fact]
    public Task NG0101_BatchNormalizationOfRankFive_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(2, 3, 4, 5, 6)]
        public partial class Net
        {
            [{|NG0101:BatchNormalization|}] public partial BatchNorm1d Norm { get; }
            [Flatten] public partial Flatten Flat { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0101_FlattenBeforeDenseAndDenseOnSequence_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, 8, 8)]
        public partial class Net
        {
            [Flatten] public partial Flatten Flat { get; }
            [Dense(10)] public partial Linear Output { get; }
        }

        [Network]
        [Input(20, 8)]
        public partial class SequenceNet
        {
            [Dense(4)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0102_DifferentShapes_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class Net
            {
                [Dense(4)] public partial Linear A { get; }
                [Dense(5, From = "input")] public partial Linear B { get; }
                [{|NG0102:Add(nameof(A), nameof(B))|}] public partial NetGen.Layers.Add Sum { get; }
            }
            """);

        Assert.Equal("Add layer 'Sum' needs inputs of one shape; got A (None, 4), B (None, 5)", MessageOf(diagnostics, "NG0102"));
    }

    [Fact]
    public Task NG0102_EqualShapes_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(4, From = "input")] public partial Linear B { get; }
            [Add(nameof(A), nameof(B))] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public async Task NG0103_MismatchOnOtherAxis_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(2, 6)]
            public partial class Net
            {
                [Dense(4)] public partial Linear A { get; }
                [Dense(5, From = "input")] public partial Linear B { get; }
                [{|NG0103:Concatenate(nameof(A), nameof(B), Axis = 1)|}] public partial NetGen.Layers.Concatenate Joined { get; }
            }
            """);

        Assert.Equal(
            "Concatenate layer 'Joined' needs inputs that match on every axis but axis 1; got A (None, 2, 4), B (None, 2, 5)",
            MessageOf(diagnostics, "NG0103"));
    }

    [Fact]
    public async Task NG0103_DifferentRanks_AsksForTheSameRankNotForAnAxis()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(2, 6)]
            public partial class Net
            {
                [Flatten] public partial Flatten Flat { get; }
                [Dense(5, From = "input")] public partial Linear B { get; }
                [{|NG0103:Concatenate(nameof(Flat), nameof(B))|}] public partial NetGen.Layers.Concatenate Joined { get; }
            }
            """);

        Assert.Equal(
            "Concatenate layer 'Joined' needs inputs of the same rank; got Flat (None, 12), B (None, 2, 5)",
            MessageOf(diagnostics, "NG0103"));
    }

    [Fact]
    public Task NG0103_MismatchOnJoinedAxisOnly_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(2, 6)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(5, From = "input")] public partial Linear B { get; }
            [Concatenate(nameof(A), nameof(B), Axis = 2)] public partial NetGen.Layers.Concatenate Joined { get; }
            [Concatenate(nameof(A), nameof(B))] public partial NetGen.Layers.Concatenate {|NG0011:LastAxis|} { get; }
            [Dense(1, From = nameof(Joined))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0104_AxisBeyondRank_ReportedOnAxisArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class Net
            {
                [Dense(4)] public partial Linear A { get; }
                [Dense(4, From = "input")] public partial Linear B { get; }
                [Concatenate(nameof(A), nameof(B), Axis = {|NG0104:2|})] public partial NetGen.Layers.Concatenate Joined { get; }
            }
            """);

        Assert.Equal("Concatenate layer 'Joined' joins axis 2, but its inputs have only axis 1 (axis 0 is the batch)", MessageOf(diagnostics, "NG0104"));
    }

    [Fact]
    public async Task NG0104_AxisBeyondTheRankOfImages_NamesTheAxesTheyHave()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3)] public partial Conv2d A { get; }
                [Conv2D(4, 3, From = "input")] public partial Conv2d B { get; }
                [Concatenate(nameof(A), nameof(B), Axis = {|NG0104:4|})] public partial NetGen.Layers.Concatenate Joined { get; }
            }
            """);

        Assert.Equal("Concatenate layer 'Joined' joins axis 4, but its inputs have axes 1 to 3 (axis 0 is the batch)", MessageOf(diagnostics, "NG0104"));
    }

    [Fact]
    public Task NG0104_BatchAxisOrTooNegative_ReportedOnAxisArgument() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(4, From = "input")] public partial Linear B { get; }
            [Concatenate(nameof(A), nameof(B), Axis = {|NG0104:0|})] public partial NetGen.Layers.Concatenate {|NG0011:Batch|} { get; }
            [Concatenate(nameof(A), nameof(B), Axis = {|NG0104:-3|})] public partial NetGen.Layers.Concatenate Joined { get; }
        }
        """);

    [Fact]
    public Task NG0104_FirstAndLastAxis_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(4, From = "input")] public partial Linear B { get; }
            [Concatenate(nameof(A), nameof(B), Axis = 1)] public partial NetGen.Layers.Concatenate First { get; }
            [Concatenate(nameof(A), nameof(B), Axis = -1)] public partial NetGen.Layers.Concatenate Last { get; }
            [Add(nameof(First), nameof(Last))] public partial NetGen.Layers.Add Output { get; }
        }
        """);

    [Fact]
    public async Task NG0105_DenseOnANamedLastAxis_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8, "features")]
            public partial class Net
            {
                [{|NG0105:Dense(4)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Dense layer 'Output' needs the size of its input's last axis at compile time, but it is 'features' in (None, 8, features)", MessageOf(diagnostics, "NG0105"));
    }

    [Fact]
    public Task NG0105_DenseAfterFlattenOfAVariableLength_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", 8)]
        public partial class Net
        {
            [Flatten] public partial Flatten Flat { get; }
            [{|NG0105:Dense(4)|}] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0105_VariableStepsAndReshapeToADeclaredShape_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input("steps", 8)]
        public partial class PerStep
        {
            [Dense(4)] public partial Linear Output { get; }
        }

        [Network]
        [Input("steps", 8)]
        public partial class Declared
        {
            [Flatten] public partial Flatten Flat { get; }
            [Reshape(4, 8)] public partial NetGen.Layers.Reshape Fixed { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0106_BooleansIntoDense_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8, ElementType = ElementType.Bool, Name = "flags")]
            public partial class Net
            {
                [{|NG0106:Dense(4)|}] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Dense layer 'Output' takes floating-point values; 'flags' holds bool", MessageOf(diagnostics, "NG0106"));
    }

    [Fact]
    public Task NG0106_Float64FeaturesAndReshapedIds_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(8, ElementType = ElementType.Float64)]
        public partial class Doubles
        {
            [Dense(4)] public partial Linear Output { get; }
        }

        [Network]
        [Input(8, ElementType = ElementType.Int64)]
        public partial class Ids
        {
            [Reshape(2, 4)] public partial NetGen.Layers.Reshape Output { get; }
        }
        """);

    [Fact]
    public async Task NG0107_ReshapeToAnotherSize_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(784)]
            public partial class Net
            {
                [{|NG0107:Reshape(3, 28, 28)|}] public partial NetGen.Layers.Reshape Image { get; }
            }
            """);

        Assert.Equal("Reshape layer 'Image' cannot turn (None, 784) (784 values) into (3, 28, 28) (2352 values)", MessageOf(diagnostics, "NG0107"));
    }

    [Fact]
    public Task NG0107_ReshapeWithTheSameSizeOrAnInferredOne_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(784)]
        public partial class Net
        {
            [Reshape(1, 28, 28)] public partial NetGen.Layers.Reshape Image { get; }
            [Reshape(-1, 28)] public partial NetGen.Layers.Reshape Rows { get; }
            [Permute(2, 1)] public partial NetGen.Layers.Permute Columns { get; }
        }
        """);
}
