using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Emit;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Model;

namespace NetGen.Generator.Tests;

/// <summary>The emitter alone, from hand-built specs.</summary>
public sealed class EmitterTests
{
    private static NetworkSpec Spec(OptimizerSetting[]? settings = null, double dropout = 0.125) => new(
        HintName: "Demo.Net.g.cs",
        Namespace: "Demo",
        ContainingTypes: EquatableArray<ContainingTypeSpec>.Empty,
        TypeName: "Net",
        ClassName: "Net",
        HasUserSummary: false,
        CanGenerate: true,
        InputName: "input",
        InputParameterName: "input",
        InputShape: new TensorShape(4),
        Layers: new[]
        {
            new LayerSpec("Hidden", LayerKind.Dense, "Dense", "global::TorchSharp.Modules.Linear", "public", true,
                EquatableArray.Create("input"), new LayerHyperparameters(Units: 3, Activation: ActivationKind.LeakyReLU, Alpha: 0.25),
                new TensorShape(4), new TensorShape(3), 15, 15),
            new LayerSpec("Drop", LayerKind.Dropout, "Dropout", "global::TorchSharp.Modules.Dropout", "internal", true,
                EquatableArray.Create("Hidden"), new LayerHyperparameters(Rate: dropout),
                new TensorShape(3), new TensorShape(3), 0, 0),
        }.ToEquatableArray(),
        ExecutionOrder: EquatableArray.Create(0, 1),
        Compile: new CompileSpec(LossKind.MeanAbsoluteError, EquatableArray.Create(MetricKind.Mse), NetGen.Model.OptimizerKind.Sgd,
            (settings ?? new[] { new OptimizerSetting("LearningRate", 1e-7, true), new OptimizerSetting("Nesterov", 1, false), new OptimizerSetting("Momentum", 0.5, false) }).ToEquatableArray()));

    private const string UserPart = """
        namespace Demo;

        public partial class Net
        {
            public partial TorchSharp.Modules.Linear Hidden { get; }
            internal partial TorchSharp.Modules.Dropout Drop { get; }
        }
        """;

    [Fact]
    public void EmittedCodeCompilesWithTheUserPart()
    {
        var source = NetworkEmitter.Emit(Spec());

        var compilation = GeneratorTestHelper.CreateCompilation(UserPart, source);

        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void WritesLayersActivationsAndOptimizerArguments()
    {
        var source = NetworkEmitter.Emit(Spec());

        Assert.Contains("_hidden = global::TorchSharp.torch.nn.Linear(4, 3, hasBias: true);", source);
        Assert.Contains("var hidden = global::TorchSharp.torch.nn.functional.leaky_relu(_hidden.forward(input), 0.25);", source);
        Assert.Contains("internal partial global::TorchSharp.Modules.Dropout Drop { get => _drop; }", source);
        Assert.Contains("Optimizer: new global::NetGen.Optimizers.Sgd(learningRate: 1E-07, nesterov: true, momentum: 0.5));", source);
        Assert.Contains("public const long ParameterCount = 15;", source);
    }

    [Fact]
    public void NumbersAreInvariantUnderAnyCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var source = NetworkEmitter.Emit(Spec(dropout: 0.5));

            Assert.Contains("Dropout(0.5)", source);
            Assert.DoesNotContain("0,5", source);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void OutputIsDeterministic() =>
        Assert.Equal(NetworkEmitter.Emit(Spec()), NetworkEmitter.Emit(Spec(), CancellationToken.None));

    [Fact]
    public void PlaceholderForInvalidSpecCompiles()
    {
        var source = NetworkEmitter.Emit(Spec() with { CanGenerate = false });

        var compilation = GeneratorTestHelper.CreateCompilation(UserPart, source);

        Assert.Contains("DeclarationErrors", source);
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
    }
}
