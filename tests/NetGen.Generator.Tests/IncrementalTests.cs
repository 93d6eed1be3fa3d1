using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>The pipeline re-emits only when a network's meaning changes.</summary>
public sealed class IncrementalTests
{
    private const string Network = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(30)]
        public partial class CancerNet
        {
            [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """;

    private const string Other = """
        public static class Helpers
        {
            public static int Twice(int x) => 2 * x;
        }
        """;

    [Fact]
    public void UnrelatedEditKeepsEverythingCached()
    {
        var (driver, compilation) = FirstRun(Network, Other);
        var edited = Replace(compilation, 1, Other.Replace("2 * x", "x + x"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        IncrementalAssert.AllCached(rerun.Driver);
    }

    [Fact]
    public void UnrelatedEditKeepsTheGeneratorsDiagnosticsCached()
    {
        // NG0005 (a layer with a setter) is the generator's to report; the placeholder is emitted beside it.
        var broken = Network.Replace("Output { get; }", "Output { get; set; }");
        var (driver, compilation) = FirstRun(broken, Other);
        var first = GeneratorTestHelper.Run(compilation);
        Assert.Equal("NG0005", Assert.Single(first.GeneratorDiagnostics).Id);

        var rerun = GeneratorTestHelper.Run(Replace(compilation, 1, Other.Replace("2 * x", "x + x")), driver);

        IncrementalAssert.AllCached(rerun.Driver);
        var reasons = IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Diagnostics);
        Assert.NotEmpty(reasons);
        Assert.All(reasons, static reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.Equal("NG0005", Assert.Single(rerun.GeneratorDiagnostics).Id);
    }

    [Fact]
    public void AnEditAboveTheClassMovesTheDiagnosticButNotTheSource()
    {
        var broken = Network.Replace("Output { get; }", "Output { get; set; }");
        var (driver, compilation) = FirstRun(broken, Other);

        var rerun = GeneratorTestHelper.Run(Replace(compilation, 0, "// a new first line\n" + broken), driver);

        // The span moved, so the parse step's value changed; the spec did not, so nothing is re-emitted.
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Networks));
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Specs));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Diagnostics));
        var diagnostic = Assert.Single(rerun.GeneratorDiagnostics);
        Assert.Equal(("NG0005", 10), (diagnostic.Id, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public void CommentInTheNetworkFileLeavesTheSpecUnchanged()
    {
        var (driver, compilation) = FirstRun(Network, Other);
        var edited = Replace(compilation, 0, Network.Replace("public partial class CancerNet", "// the classifier\npublic partial class CancerNet"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        AssertReranButUnchanged(rerun.Driver);
    }

    [Fact]
    public void HyperparameterEditRegenerates()
    {
        var (driver, compilation) = FirstRun(Network, Other);
        var edited = Replace(compilation, 0, Network.Replace("Dense(12", "Dense(16"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Networks));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Specs));
        Assert.Contains("Linear(30, 16", rerun.Source("CancerNet.g.cs"));
    }

    [Fact]
    public void EditOfANonLayerMemberLeavesTheSpecUnchanged()
    {
        var withHelper = Network.Replace("[Dense(1,", "public int Helper => 1;\n    [Dense(1,");
        var (driver, compilation) = FirstRun(withHelper, Other);
        var edited = Replace(compilation, 0, withHelper.Replace("public int Helper => 1", "internal int Helper => 2"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        AssertReranButUnchanged(rerun.Driver);
    }

    [Fact]
    public void DiagnosticOnlyEditLeavesTheSpecUnchanged()
    {
        // Momentum on Adam is a warning (NG0210, "the value is ignored"): the analyzer reports
        // it, and since the generated code ignores it too, the spec stays equal.
        var withOptimizer = Network.Replace("[Input(30)]", "[Optimizer(OptimizerKind.Adam, Beta1 = 0.8)]\n[Input(30)]");
        var (driver, compilation) = FirstRun(withOptimizer, Other);
        var edited = Replace(compilation, 0, withOptimizer.Replace("Beta1 = 0.8", "Beta1 = 0.8, Momentum = 0.9"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        AssertReranButUnchanged(rerun.Driver);
    }

    [Fact]
    public void ConfigurationErrorKeepsTheModuleAndOnlyDisablesTraining()
    {
        // An invalid learning rate (NG0209) no longer replaces the module by a placeholder.
        var (driver, compilation) = FirstRun(Network, Other);
        var edited = Replace(compilation, 0, Network.Replace("Loss = Loss.BinaryCrossentropy", "Loss = Loss.BinaryCrossentropy, LearningRate = -1"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        var source = rerun.Source("CancerNet.g.cs");
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Specs));
        Assert.Contains("_output.call(hidden)", source);
        Assert.Contains("throw new global::System.InvalidOperationException(\"The loss, metrics or optimizer declared on 'CancerNet' are invalid (NG0209)", source);
        Assert.DoesNotContain("DeclarationErrors", source);
    }

    [Fact]
    public void NameofAndStringReferencesGiveTheSameSpec()
    {
        var withNameof = Network.Replace("[Dense(1, Activation.Sigmoid)]", "[Dense(1, Activation.Sigmoid, From = nameof(Hidden))]");
        var (driver, compilation) = FirstRun(withNameof, Other);
        var edited = Replace(compilation, 0, withNameof.Replace("nameof(Hidden)", "\"Hidden\""));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        AssertReranButUnchanged(rerun.Driver);
    }

    [Fact]
    public void FixingAnErrorTurnsThePlaceholderIntoTheNetwork()
    {
        var broken = Network.Replace("[Input(30)]", "[Input(2, 3, 4, 5, 6)]");
        var (driver, compilation) = FirstRun(broken, Other);
        Assert.Contains("DeclarationErrors", GeneratorTestHelper.Run(compilation).Source("CancerNet.g.cs"));

        var rerun = GeneratorTestHelper.Run(Replace(compilation, 0, Network), driver);

        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Networks));
        Assert.Equal(new[] { IncrementalStepRunReason.Modified }, IncrementalAssert.Reasons(rerun.Driver, TrackingNames.Specs));
        Assert.DoesNotContain("DeclarationErrors", rerun.Source("CancerNet.g.cs"));
    }

    /// <summary>The parse step re-ran (its syntax changed) but produced an equal spec, so nothing downstream ran.</summary>
    private static void AssertReranButUnchanged(GeneratorDriver driver)
    {
        Assert.Equal(new[] { IncrementalStepRunReason.Unchanged }, IncrementalAssert.Reasons(driver, TrackingNames.Networks));
        Assert.Equal(new[] { IncrementalStepRunReason.Cached }, IncrementalAssert.Reasons(driver, TrackingNames.Specs));
    }

    [Fact]
    public void EditOfASubNetworkInAnotherFileRegeneratesTheNetworkUsingIt()
    {
        const string full = """
            using NetGen;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Full
            {
                [SubNetwork] public partial Encoder Encode { get; }
            }
            """;
        const string encoder = """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(8)]
            public partial class Encoder
            {
                [Dense(4)] public partial Linear Code { get; }
            }
            """;
        var (driver, compilation) = FirstRun(full, encoder);
        var edited = Replace(compilation, 1, encoder.Replace("Dense(4)", "Dense(6)"));

        var rerun = GeneratorTestHelper.Run(edited, driver);

        // The full model's spec reads the encoder's analysis: its output and count follow the edit.
        Assert.Contains("public const long ParameterCount = 54;", rerun.Source("Full.g.cs"));
    }

    private static (GeneratorDriver Driver, CSharpCompilation Compilation) FirstRun(params string[] sources)
    {
        var compilation = GeneratorTestHelper.CreateCompilation(sources);
        var run = GeneratorTestHelper.Run(compilation);
        run.AssertNoGeneratorException();
        return (run.Driver, compilation);
    }

    private static CSharpCompilation Replace(CSharpCompilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, GeneratorTestHelper.ParseOptions, old.FilePath));
    }
}
