using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using NetGen.CodeFixes;

namespace NetGen.Analyzers.Tests.CodeFixes;

/// <summary>NG0006's code fix: the layer property declared as the module its layer creates.</summary>
public sealed class ModuleTypeCodeFixTests
{
    [Fact]
    public Task TheDenseBecomesALinear() => new NetGenCodeFixTest<ModuleTypeCodeFix>
    {
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial {|NG0006:Dropout|} Output { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """,
        CodeActionEquivalenceKey = ModuleTypeCodeFix.EquivalenceKey,
    }.RunAsync();

    [Fact]
    public Task TheTypeTheInputShapeNeedsIsWrittenAndTheNullableAnnotationStays() => new NetGenCodeFixTest<ModuleTypeCodeFix>
    {
        TestCode = """
            #nullable enable
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 32, 32)]
            public partial class Net
            {
                [BatchNormalization] public partial {|NG0006:BatchNorm1d?|} Norm { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """,
        FixedCode = """
            #nullable enable
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 32, 32)]
            public partial class Net
            {
                [BatchNormalization] public partial BatchNorm2d? Norm { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task TheUsingTheTypeNeedsIsAdded() => new NetGenCodeFixTest<ModuleTypeCodeFix>
    {
        TestCode = """
            using NetGen;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4)] public partial {|NG0006:TorchSharp.Modules.Dropout|} Hidden { get; }
                [Add(nameof(Hidden), nameof(Hidden))] public partial {|NG0006:TorchSharp.Modules.Linear|} Sum { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(4)] public partial Linear Hidden { get; }
                [Add(nameof(Hidden), nameof(Hidden))] public partial Add Sum { get; }
            }
            """,
    }.RunAsync();

    [Fact]
    public Task FixAllDeclaresEveryLayerInEveryFile()
    {
        var test = new NetGenCodeFixTest<ModuleTypeCodeFix> { CodeActionEquivalenceKey = ModuleTypeCodeFix.EquivalenceKey };
        test.TestState.Sources.Add(("/0/ImageNet.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class ImageNet
            {
                [Conv2D(4, 3)] public partial {|NG0006:Linear|} Conv { get; }
                [BatchNormalization] public partial {|NG0006:BatchNorm1d|} Norm { get; }
                [Flatten] public partial {|NG0006:Dropout|} Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """));
        test.TestState.Sources.Add(("/0/TabularNet.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class TabularNet
            {
                [Dense(1)] public partial {|NG0006:Conv2d|} Output { get; }
            }
            """));
        test.FixedState.Sources.Add(("/0/ImageNet.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3, 8, 8)]
            public partial class ImageNet
            {
                [Conv2D(4, 3)] public partial Conv2d Conv { get; }
                [BatchNormalization] public partial BatchNorm2d Norm { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(10)] public partial Linear Output { get; }
            }
            """));
        test.FixedState.Sources.Add(("/0/TabularNet.cs", """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class TabularNet
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """));
        // Fix-all in a document repairs one file per iteration; in the project or the solution, both at once.
        test.NumberOfFixAllInDocumentIterations = 2;
        test.NumberOfFixAllIterations = 1;
        return test.RunAsync();
    }

    [Fact]
    public Task ASubNetworkOfTheWrongTypeGetsNoFix() => new NetGenCodeFixTest<ModuleTypeCodeFix>
    {
        // Any [Network] class would do: there is no one type to write.
        TestCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [SubNetwork] public partial {|NG0006:Linear|} Body { get; }
            }
            """,
        FixedCode = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [SubNetwork] public partial {|NG0006:Linear|} Body { get; }
            }
            """,
    }.RunAsync();

    [Fact]
    public void TheFixRepairsTheAnalyzersDiagnostic() =>
        Assert.Equal(DiagnosticDescriptors.LayerTypeMismatch.Id, Assert.Single(new ModuleTypeCodeFix().FixableDiagnosticIds));
}
