using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Code as it looks while someone types: the generator must never throw (a crash loses every
/// generated file in the IDE) and must not add errors of its own.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> IncompleteDeclarations() => new()
    {
        // Attribute with no arguments yet.
        "[Network] [Input] public partial class N { [Dense] public partial Linear A { get; } }",
        // Unresolved nameof and unknown names.
        "[Network] [Input(4)] public partial class N { [Dense(2, From = nameof(Missing))] public partial Linear A { get; } }",
        // Wrong argument types.
        "[Network(Loss = 3)] [Input(\"x\")] public partial class N { [Dense(\"12\")] public partial Linear A { get; } }",
        // Half-typed member and syntax errors.
        "[Network] [Input(4)] public partial class N { [Dense(2, Activation.] public partial Linear A { get; } [Dense(",
        // A field and a method carrying layer attributes.
        "[Network] [Input(4)] public partial class N { [Dense(2)] public Linear A; [Dropout(0.1)] public void B() { } }",
        // Unknown member type.
        "[Network] [Input(4)] public partial class N { [Dense(2)] public partial Lineer A { get; } }",
        // Empty network, no input, not partial.
        "[Network] public class N { }",
        // Self reference and a cycle.
        "[Network] [Input(4)] public partial class N { [Dense(2, From = nameof(A))] public partial Linear A { get; } [Add(nameof(C), nameof(A))] public partial NetGen.Layers.Add C { get; } }",
        // Generic network, a record, a network with a base class of its own, a static one.
        "[Network] [Input(4)] public partial class N<T> { [Dense(2)] public partial Linear A { get; } }",
        "[Network] [Input(4)] public partial record N { [Dense(2)] public partial Linear A { get; } }",
        "[Network] [Input(4)] public partial class N : System.Exception { [Dense(2)] public partial Linear A { get; } }",
        "[Network] [Input(4)] public static partial class N { }",
        // Null and undefined arguments (the reliability review's crashes and silent placeholders).
        "[Network(Metrics = null)] [Input(4)] public partial class N { [Dense(1, Activation.Sigmoid)] public partial Linear A { get; } }",
        "[Network] [Input(null)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        "[Network] [Input(default)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear B { get; } [Add(null, nameof(B))] public partial NetGen.Layers.Add S { get; } [Dense(1)] public partial Linear A { get; } }",
        "[Network(Metrics = [(Metric)77], Loss = (Loss)99)] [Input(4)] public partial class N { [Dense(1, (Activation)99)] public partial Linear A { get; } }",
        "[Network] [Input(4)] public partial class N { [BatchNormalization(Epsilon = double.PositiveInfinity)] public partial BatchNorm1d A { get; } }",
        // Names that collide with generated ones, keywords, missing accessibility, modifiers.
        "[Network] [Input(4)] public partial class N { private int _hidden; [Dense(2)] public partial Linear Hidden { get; } [Dense(1)] public partial Linear hidden { get; } }",
        "[Network] [Input(4)] public partial class N { [Dense(1)] partial Linear A { get; } }",
        "[Network] [Input(4)] public partial class N { [Dense(1)] public new virtual partial Linear A { get; } }",
        "[Network] [Input(4)] public partial class @class { [Dense(1)] public partial Linear @int { get; } }",
        "[Network] [Input(4)] public partial class var { [Dense(1)] public partial Linear A { get; } }",
        "[Network] [Input(4, Name = \"_b\")] public partial class N { [Dense(1)] public partial Linear B { get; } }",
        // Shapes whose sizes overflow 32 bits when flattened or joined.
        "[Network] [Input(100000, 100000, 1000)] public partial class N { [Flatten] public partial Flatten F { get; } [Dense(2)] public partial Linear A { get; } }",
        "[Network] [Input(2000000000)] public partial class N { [Concatenate(\"input\", \"input\")] public partial NetGen.Layers.Concatenate C { get; } }",
        // Negative and zero dimensions, huge axis.
        "[Network] [Input(0, -3)] public partial class N { [Concatenate(\"input\", Axis = 99)] public partial NetGen.Layers.Concatenate A { get; } }",
    };

    [Theory]
    [MemberData(nameof(IncompleteDeclarations))]
    public void NeverThrows(string declaration)
    {
        var source = "using NetGen;\nusing TorchSharp.Modules;\n" + declaration;

        var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));

        run.AssertNoGeneratorException();
        var generatedTrees = run.Sources.Select(static s => s.HintName).ToList();
        var inGenerated = run.Output.GetDiagnostics()
            .Where(static d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Where(d => generatedTrees.Any(hint => d.Location.SourceTree?.FilePath.EndsWith(hint, System.StringComparison.Ordinal) == true))
            .ToList();
        Assert.True(inGenerated.Count == 0, "Errors in generated code:\n" + string.Join("\n", inGenerated));
    }

    private const string GraphWhileTyping = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae], Optimizer = OptimizerKind.Sgd)]
        [Optimizer(OptimizerKind.Sgd, LearningRate = 0.1, Momentum = 0.9, Nesterov = true)]
        [Input(2, 4, Name = "features")]
        public partial class Graph
        {
            [Flatten] public partial Flatten Flat { get; }
            [Dense(8, Activation.LeakyReLU, Alpha = 0.2)] public partial Linear A { get; }
            [BatchNormalization(Momentum = 0.9)] public partial BatchNorm1d Norm { get; }
            [Dense(8, From = nameof(Flat))] public partial Linear B { get; }
            [Add(nameof(Norm), nameof(B))] public partial NetGen.Layers.Add Sum { get; }
            [Concatenate(nameof(Sum), nameof(Flat), Axis = -1)] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dropout(0.1)] public partial Dropout Drop { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """;

    public static TheoryData<string> TypedSources() => new() { "sample", "graph" };

    [Theory]
    [MemberData(nameof(TypedSources))]
    public void EveryPrefixWhileTypingIsSafe(string which)
    {
        // Replays typing a declaration one character at a time through one incremental driver,
        // as the IDE does: at no point may the generator throw.
        var source = which == "sample"
            ? System.IO.File.ReadAllText(System.IO.Path.Combine(Snapshot.RepositoryRoot, "samples", "BreastCancer", "CancerNet.cs"))
            : GraphWhileTyping;
        var driver = GeneratorTestHelper.CreateDriver();
        for (var length = 0; length <= source.Length; length++)
        {
            var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source.Substring(0, length)), driver);
            driver = run.Driver;
            Assert.True(run.Result.Results.All(static r => r.Exception is null), $"The generator threw after {length} characters:\n{source.Substring(0, length)}");
        }

        Assert.Single(GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source), driver).Sources);
    }

    [Fact]
    public void ValidNetworkNextToBrokenOneStillGenerates()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial class Good { [Dense(2)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Bad { [Dense(2, From = "Nope")] public partial Linear A { get; } }
            """;

        var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));

        run.AssertNoGeneratorException();
        Assert.Contains("Linear(4, 2", run.Source("Good.g.cs"));
        Assert.Contains("DeclarationErrors", run.Source("Bad.g.cs"));
        Assert.Empty(run.Errors());
    }

    [Fact]
    public void AParameterNamedLikeALossTermReadsTheLayerOfThatName()
    {
        // A loss term has no output: the Lambda's 'mean' is the layer Mean, not the loss term 'mean'
        // (the emitter once looked for the loss term's output and fell back to a placeholder).
        const string source = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            [Network] [Input(6)]
            public partial class Vae
            {
                [Dense(2)] public partial Linear Mean { get; }
                [Dense(2, From = "input")] public partial Linear LogVariance { get; }
                [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor logVariance) => mean + exp(0.5 * logVariance);
                [Dense(6)] public partial Linear Decoded { get; }
                [LossTerm("kl_loss")] private static Tensor mean(Tensor mean, Tensor logVariance) => (mean.square() + logVariance.exp()).mean();
            }
            """;

        var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));

        run.AssertNoGeneratorException();
        Assert.DoesNotContain("DeclarationErrors", run.Source("Vae.g.cs"));
        Assert.Contains("var mean2 = _mean.call(input);", run.Source("Vae.g.cs"));
        Assert.Contains("Sample(mean2, logVariance)", run.Source("Vae.g.cs"));
        Assert.Contains("mean(mean2, logVariance)", run.Source("Vae.g.cs"));
        Assert.Empty(run.Errors());
    }

    [Fact]
    public void NetworksWhoseNamesDifferOnlyInCaseAreBothGenerated()
    {
        // Roslyn compares hint names ignoring case; C# does not (found by the fuzz campaign).
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            namespace Shop;

            [Network] [Input(4)] public partial class Segmenter { [Dense(2)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class segmenter { [Dense(3)] public partial Linear A { get; } }
            """;

        var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));

        run.AssertNoGeneratorException();
        Assert.Contains("Linear(4, 2", run.Source("Shop.Segmenter.g.cs"));
        Assert.Contains("Linear(4, 3", run.Source("Shop.segmenter.1.g.cs"));
        Assert.Empty(run.Errors());
    }

    [Fact]
    public void ANetworkWhosePartsBothCarryTheNetworkAttributeIsGeneratedOnce()
    {
        // The user's CS0579 (a duplicate attribute): the generator must not throw on the second part.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial class Twice { [Dense(2)] public partial Linear A { get; } }
            [Network] public partial class Twice { }
            """;

        var run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));

        run.AssertNoGeneratorException();
        Assert.Contains("Linear(4, 2", run.Source("Twice.g.cs"));
    }

    [Fact]
    public void AFailureOnOneNetworkLeavesTheOthersGenerated()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial class Good { [Dense(2)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Bad { [Dense(2)] internal partial Linear A { get; } }

            public static class Usage
            {
                public static object Use() => new Bad().A;
            }
            """;
        GeneratorRun run;
        NetGen.Generator.FaultInjection.FailOnClass.Value = "Bad";
        try
        {
            run = GeneratorTestHelper.Run(GeneratorTestHelper.CreateCompilation(source));
        }
        finally
        {
            NetGen.Generator.FaultInjection.FailOnClass.Value = null;
        }

        run.AssertNoGeneratorException();
        Assert.Contains("Linear(4, 2", run.Source("Good.g.cs"));
        Assert.Contains("NetGen failed on 'Bad' (InvalidOperationException: Failure injected by a test.)", run.Source("Bad.g.cs"));
        Assert.Contains("internal partial global::TorchSharp.Modules.Linear A { get => throw", run.Source("Bad.g.cs"));
        Assert.Empty(run.Errors());
    }

    [Fact]
    public void WithoutTheRuntimeNothingIsGenerated()
    {
        var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
            "NoNetGen",
            new[] { Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("[Network] partial class N { }", GeneratorTestHelper.ParseOptions) },
            new[] { Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(object).Assembly.Location) });

        var run = GeneratorTestHelper.Run(compilation);

        run.AssertNoGeneratorException();
        Assert.Empty(run.Sources);
    }
}
