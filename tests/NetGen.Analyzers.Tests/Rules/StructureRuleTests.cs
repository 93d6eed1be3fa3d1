using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0001-NG0012: how a network and its layers are declared.</summary>
public sealed class StructureRuleTests
{
    [Fact]
    public async Task NG0001_NonPartialNetwork_ReportedOnClassName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public class {|NG0001:Net|}
            {
                [Dense(2)] public Linear {|NG0005:Output|} { get; } = null!;
            }
            """);

        Assert.Equal("Network 'Net' must be declared partial, and so must every type that contains it", MessageOf(diagnostics, "NG0001"));
    }

    [Fact]
    public Task NG0001_NonPartialContainingType_ReportedOnNetworkName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        public class Models
        {
            [Network]
            [Input(4)]
            public partial class {|NG0001:Net|}
            {
                [Dense(2)] public partial Linear {|CS9248:Output|} { get; }
            }
        }
        """);

    [Fact]
    public Task NG0001_PartialAllTheWay_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        public partial class Models
        {
            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
        }
        """);

    [Fact]
    public async Task NG0002_NoInput_ReportedOnClassName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            public partial class {|NG0002:Net|}
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Network 'Net' has no [Input] attribute declaring the shape of one sample", MessageOf(diagnostics, "NG0002"));
    }

    [Fact]
    public Task NG0002_InputOnAnotherPartialDeclaration_Silent() => VerifyAsync(
        new[]
        {
            """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            public partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """,
            """
            using NetGen;

            [Input(4)]
            public partial class Net
            {
            }
            """,
        },
        new AnalyzerTestOptions());

    [Fact]
    public async Task NG0003_NonPositiveDimension_ReportedOnInputAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [{|NG0003:Input(3, 0, 32)|}]
            public partial class Net
            {
                [Flatten] public partial Flatten Flat { get; }
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Input 'input' must have at least one dimension, each a positive size or a name; got (3, 0, 32)", MessageOf(diagnostics, "NG0003"));
    }

    [Fact]
    public async Task NG0003_NoDimensions_ReportedOnInputAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [{|NG0003:Input()|}]
            public partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Input 'input' must have at least one dimension, each a positive size or a name; got ()", MessageOf(diagnostics, "NG0003"));
    }

    [Fact]
    public Task NG0003_SingleUnitInput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1)]
        public partial class Net
        {
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0004_NoLayers_ReportedOnClassName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;

            [Network]
            [Input(4)]
            public partial class {|NG0004:Net|}
            {
                public int NotALayer => 1;
            }
            """);

        Assert.Equal("Network 'Net' declares no layers", MessageOf(diagnostics, "NG0004"));
    }

    [Fact]
    public Task NG0004_OneLayer_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            public int NotALayer => 1;

            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0005_AutoProperty_ReportedOnMemberName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public Linear {|NG0005:Output|} { get; } = null!;
            }
            """);

        Assert.Equal("Layer 'Output' must be a partial, non-static property with only a get accessor", MessageOf(diagnostics, "NG0005"));
    }

    [Fact]
    public Task NG0005_StaticOrSettable_ReportedOnMemberName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU)] public static partial Linear {|NG0005:{|CS9248:Hidden|}|} { get; }
            [Dense(2)] public partial Linear {|NG0005:{|CS9248:Output|}|} { get; set; }
        }
        """);

    [Fact]
    public Task NG0005_PartialGetOnlyProperty_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)] internal partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0006_WrongModuleType_ReportedOnPropertyType()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial {|NG0006:Dropout|} Output { get; }
            }
            """);

        Assert.Equal("Layer 'Output' (Dense) must be declared as 'TorchSharp.Modules.Linear', not 'TorchSharp.Modules.Dropout'", MessageOf(diagnostics, "NG0006"));
    }

    [Fact]
    public Task NG0006_BatchNormalizationOfWrongRank_ReportedOnPropertyType() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [BatchNormalization] public partial {|NG0006:BatchNorm2d|} Norm { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0006_QualifiedOrNullableModuleType_Silent() => VerifyAsync("""
        using NetGen;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial TorchSharp.Modules.Linear Hidden { get; }
            [BatchNormalization] public partial TorchSharp.Modules.BatchNorm1d Norm { get; }
            [Dense(2)] public partial global::TorchSharp.Modules.Linear? Output { get; }
        }
        """);

    [Fact]
    public async Task NG0007_SecondLayerAttribute_ReportedOnThatAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4, Activation.ReLU)]
                [{|NG0007:Dropout(0.5)|}]
                public partial Linear Hidden { get; }

                [Dense(2), {|NG0007:Flatten|}] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "Member 'Hidden' has more than one layer attribute; a member is exactly one layer");
    }

    [Fact]
    public Task NG0007_LayerAttributeWithOtherAttributes_Silent() => VerifyAsync("""
        using System.ComponentModel;
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(2)]
            [Description("The only layer")]
            public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0008_MisspelledFrom_ReportedOnReference()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4)] public partial Linear Hidden { get; }
                [Dense(4, From = {|NG0008:"Hiden"|})] public partial Linear Typo { get; }
                [Add(nameof(Hidden), nameof(Typo))] public partial NetGen.Layers.Add Output { get; }
            }
            """);

        Assert.Equal("Layer 'Typo' takes its input from 'Hiden', which is neither a layer of 'Net' nor one of its inputs ('input')", MessageOf(diagnostics, "NG0008"));
    }

    [Fact]
    public Task NG0008_UnknownMergeInput_ReportedOnThatInput() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Add(nameof(A), {|NG0008:"Bee"|})] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public Task NG0008_NameofLayerAndNamedInput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4, Name = "features")]
        public partial class Net
        {
            [Dense(4)] public partial Linear A { get; }
            [Dense(4, From = "features")] public partial Linear B { get; }
            [Add(nameof(A), nameof(B))] public partial NetGen.Layers.Add Sum { get; }
            [Dense(2, From = nameof(Sum))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0009_TwoLayerCycle_ReportedOnEachAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [{|NG0009:Dense(4, From = nameof(B))|}] public partial Linear A { get; }
                [{|NG0009:Dense(4, From = nameof(A))|}] public partial Linear B { get; }
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.All(
            diagnostics, d => Assert.True(d.Id != "NG0009" || d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).EndsWith("is part of a cycle: A -> B -> A", System.StringComparison.Ordinal)));
    }

    [Fact]
    public Task NG0009_SelfReference_ReportedOnAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial Linear Hidden { get; }
            [{|NG0009:Dense(2, From = nameof(Output))|}] public partial Linear Output { get; }
        }
        """, "NG0009");

    [Fact]
    public Task NG0009_ForwardReferenceWithoutCycle_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU, From = nameof(B))] public partial Linear A { get; }
            [Dense(4, Activation.ReLU, From = "input")] public partial Linear B { get; }
            [Dense(2, From = nameof(A))] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0010_NameOfGeneratedMember_ReportedOnMemberName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear {|NG0010:Summary|} { get; }
            }
            """);

        Assert.Equal("Layer name 'Summary' is reserved: it is a member every network has", MessageOf(diagnostics, "NG0010"));
    }

    [Fact]
    public async Task NG0010_NameOfInput_ReportedOnMemberName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear {|NG0010:input|} { get; }
            }
            """);

        Assert.Equal("Layer name 'input' is reserved: it is the name of one of the network's inputs", MessageOf(diagnostics, "NG0010"));
    }

    [Fact]
    public async Task NG0010_NameOfInputBeforeAnotherLayer_ReportedOnceNotAlsoAsUnused()
    {
        // The next layer's implicit input, "input", means the network's input, so the layer named
        // input reaches no output; that is the same mistake, reported once.
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4)] public partial Linear {|NG0010:input|} { get; }
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Single(diagnostics);
    }

    [Fact]
    public Task NG0010_SimilarNames_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU)] public partial Linear Input { get; }
            [Dense(2)] public partial Linear SummaryLayer { get; }
        }
        """);

    [Fact]
    public async Task NG0011_BranchNotReachingOutput_ReportedOnMemberName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
                [Dense(4, From = "input")] public partial Linear {|NG0011:Side|} { get; }
                [Dense(2, From = nameof(Hidden))] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Layer 'Side' does not contribute to any output ('Output'); it is built but never run", MessageOf(diagnostics, "NG0011"));
    }

    [Fact]
    public Task NG0011_BranchMergedIntoOutput_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(4)] public partial Linear Hidden { get; }
            [Dense(4, From = "input")] public partial Linear Side { get; }
            [Add(nameof(Hidden), nameof(Side))] public partial NetGen.Layers.Add Sum { get; }
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task NG0012_NonPositiveUnits_ReportedOnArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense({|NG0012:0|}, Activation.ReLU)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Units of layer 'Output' must be a positive number; got 0", MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public async Task NG0012_MergeOfOneInput_ReportedOnAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4)] public partial Linear A { get; }
                [{|NG0012:Add(nameof(A))|}] public partial NetGen.Layers.Add Sum { get; }
            }
            """);

        Assert.Equal("Inputs of layer 'Sum' must be at least two layer or input names; got 1", MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public Task NG0012_BatchNormalizationMomentumAndNegativeLeakySlope_ReportedOnArguments() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [BatchNormalization(Momentum = {|NG0012:1.5|}, Epsilon = {|NG0012:0|})] public partial BatchNorm1d Norm { get; }
            [Dense(2, Activation.LeakyReLU, Alpha = {|NG0012:-0.1|})] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task FromOnAMergeLayer_DoesNotCompile() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(3)] public partial Linear A { get; }
            [Dense(3, From = "input")] public partial Linear B { get; }
            [Add(nameof(A), nameof(B), {|CS0246:From|} = nameof(A))] public partial NetGen.Layers.Add Sum { get; }
        }
        """);

    [Fact]
    public Task NG0012_BoundaryValues_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [BatchNormalization(Momentum = 1.0, Epsilon = 1e-9)] public partial BatchNorm1d Norm { get; }
            [Dense(1, Activation.LeakyReLU, Alpha = 0)] public partial Linear Output { get; }
        }
        """);
}
