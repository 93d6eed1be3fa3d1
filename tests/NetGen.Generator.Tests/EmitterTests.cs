using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Emit;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;

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
        QualifiedName: "global::Demo.Net",
        DisplayName: "Net",
        HasUserSummary: false,
        CanGenerate: true,
        Declaration: new DeclarationForm(),
        UserMembers: EquatableArray<string>.Empty,
        CompileError: null,
        Inputs: EquatableArray.Create(new InputSpec("input", "input", TensorType.Float(4))),
        Layers: new[]
        {
            new LayerSpec("Hidden", "Hidden", LayerKind.Dense, "Dense", "global::TorchSharp.Modules.Linear", "public", true,
                EquatableArray.Create("input"), new DenseConfig(3, ActivationKind.LeakyReLU, true, 0.25, InitializerKind.GlorotUniform, InitializerKind.Zeros, TimeDistributed: false),
                TensorType.Float(4), TensorType.Float(3), 15, 15, true, "_hidden", "hidden"),
            new LayerSpec("Drop", "Drop", LayerKind.Dropout, "Dropout", "global::TorchSharp.Modules.Dropout", "internal", true,
                EquatableArray.Create("Hidden"), new DropoutConfig(dropout),
                TensorType.Float(3), TensorType.Float(3), 0, 0, true, "_drop", "drop"),
        }.ToEquatableArray(),
        ExecutionOrder: EquatableArray.Create(0, 1),
        Outputs: EquatableArray.Create(new OutputSpec(1, "Drop", ActivationKind.Linear)),
        Compile: new CompileModel(
            NetGen.Model.OptimizerKind.Sgd,
            (settings ?? new[] { new OptimizerSetting("LearningRate", 1e-7, true), new OptimizerSetting("Nesterov", 1, false), new OptimizerSetting("Momentum", 0.5, false) }).ToEquatableArray(),
            EquatableArray.Create(new OutputCompile("Drop", LossKind.MeanAbsoluteError, false, 1.0, EquatableArray.Create(MetricKind.Mse), false))),
        Names: new GeneratedNames("s_description", "CreateDefaultCompileOptions", "Forward", "DeclarationErrors", "ThrowDeclarationErrors"));

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

        Assert.Contains("_hidden = global::TorchSharp.torch.nn.Linear(4, 3, hasBias: true, device: device, dtype: dtype);", source);
        Assert.Contains("global::NetGen.Initializers.Apply(_hidden.weight, global::NetGen.Initializer.GlorotUniform, generator);", source);
        Assert.Contains("var hidden = global::NetGen.Layers.Activations.LeakyReLU(_hidden.call(input), 0.25);", source);
        Assert.Contains("var drop = _drop.call(hidden);\n        hidden.Dispose();\n        return drop;", source);
        Assert.Contains("internal partial global::TorchSharp.Modules.Dropout Drop { get => _drop; }", source);
        Assert.Contains("new global::NetGen.Optimizers.Sgd(learningRate: 1E-07, nesterov: true, momentum: 0.5),", source);
        Assert.Contains("new global::NetGen.OutputOptions(\"Drop\", global::NetGen.Loss.MeanAbsoluteError, 1.0, [global::NetGen.Metric.Mse]),", source);
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
    public void NonFiniteHyperparametersAreWrittenByName() =>
        Assert.Equal("double.PositiveInfinity", Format.DoubleLiteral(double.PositiveInfinity));

    [Fact]
    public void ACompileErrorKeepsTheModuleAndThrowsFromTheCompileOptions()
    {
        var source = NetworkEmitter.Emit(Spec() with { CompileError = "NG0209" });

        var compilation = GeneratorTestHelper.CreateCompilation(UserPart, source);

        Assert.Contains("_hidden.call(input)", source);
        Assert.Contains("throw new global::System.InvalidOperationException(\"The loss, metrics or optimizer declared on 'Net' are invalid (NG0209)", source);
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void ConstructorsTakeTheDeviceDtypeAndSeedByNameOrNone()
    {
        // Keras users write new Net() or new Net(seed: 42); new() constraints need the parameterless one.
        const string usage = """
            namespace Demo;

            public static class Usage
            {
                public static Net[] Create() => [new Net(), new Net(seed: 42), new Net(dtype: TorchSharp.torch.ScalarType.Float64), Make<Net>()];

                private static T Make<T>() where T : new() => new T();
            }
            """;

        var compilation = GeneratorTestHelper.CreateCompilation(UserPart, NetworkEmitter.Emit(Spec()), usage);

        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void PlaceholderForInvalidSpecCompiles()
    {
        var source = NetworkEmitter.Emit(Spec() with { CanGenerate = false });

        var compilation = GeneratorTestHelper.CreateCompilation(UserPart, source);

        Assert.Contains("DeclarationErrors", source);
        Assert.Empty(compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error));
    }
}
