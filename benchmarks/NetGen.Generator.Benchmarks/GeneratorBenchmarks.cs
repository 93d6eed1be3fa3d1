using System;
using System.IO;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Benchmarks;

/// <summary>
/// Generator cost on a deep network: a first run over a 200-layer declaration, and the
/// incremental re-run an IDE does after an edit elsewhere in the project.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.Latest);
    private CSharpCompilation _compilation = null!;
    private CSharpCompilation _edited = null!;
    private GeneratorDriver _warmDriver = null!;

    [Params(200)]
    public int Layers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var network = new StringBuilder("using NetGen;\nusing TorchSharp.Modules;\n\n[Network(Loss = Loss.MeanSquaredError)]\n[Input(64)]\npublic partial class Deep\n{\n");
        for (var i = 0; i < Layers; i++)
        {
            network.Append("    [Dense(64, Activation.ReLU)] public partial Linear Layer").Append(i).Append(" { get; }\n");
        }

        network.Append("}\n");
        const string other = "public static class Other { public static int Value => 1; }";
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(path) == "netstandard.dll");
        var references = trusted
            .Concat(new[] { typeof(NetGen.INetwork).Assembly.Location, typeof(TorchSharp.torch).Assembly.Location })
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path));
        _compilation = CSharpCompilation.Create(
            "Bench",
            new[] { CSharpSyntaxTree.ParseText(network.ToString(), s_parseOptions), CSharpSyntaxTree.ParseText(other, s_parseOptions) },
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var otherTree = _compilation.SyntaxTrees.Last();
        _edited = _compilation.ReplaceSyntaxTree(otherTree, CSharpSyntaxTree.ParseText(other.Replace("=> 1", "=> 2"), s_parseOptions));

        _warmDriver = CreateDriver().RunGeneratorsAndUpdateCompilation(_compilation, out var output, out _);
        var generated = _warmDriver.GetRunResult().GeneratedTrees.Single().ToString();
        var errors = output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (!generated.Contains("Layer199", StringComparison.Ordinal) || errors.Count > 0)
        {
            throw new InvalidOperationException("The generator did not produce the deep network: " + string.Join("; ", errors));
        }
    }

    [Benchmark(Baseline = true)]
    public GeneratorDriver FirstRun() => CreateDriver().RunGenerators(_compilation);

    [Benchmark]
    public GeneratorDriver RerunAfterUnrelatedEdit() => _warmDriver.RunGenerators(_edited);

    private static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: s_parseOptions);
}
