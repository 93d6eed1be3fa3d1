using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// No TorchSharp <c>Scalar</c> that nothing keeps alive, in the runtime or in generated code.
/// </summary>
/// <remarks>
/// TorchSharp's tensor methods read a Scalar's native handle and never keep the Scalar alive
/// (<c>ne(Scalar target)</c> is <c>THSTensor_ne_scalar(Handle, target.Handle)</c>), and a Scalar's finalizer
/// frees its handle. A Scalar made by an implicit conversion (<c>tokens.ne(0)</c>), or inside TorchSharp
/// (<c>x * 0.5</c> is <c>x.mul(0.5)</c>, <c>x + y</c> is <c>x.add(y, 1)</c>; see <see cref="HiddenScalars"/>),
/// is garbage once its handle is read: a collection during the native call may free it while libtorch reads it
/// ("Unknown scalar type" in a CI run). The fix is a Scalar held for the call (a <c>using</c>, or a static field
/// such as the runtime's <c>Scalars.One</c>), or an overload that takes no Scalar.
/// </remarks>
public sealed class ScalarLifetimeTests
{
    [Fact]
    public void TheRuntimeMakesNoScalarThatNothingKeepsAlive()
    {
        var root = Snapshot.RepositoryRoot;
        var sources = SourceFiles(Path.Combine(root, "src", "Runtime"), excluded: "build")
            .Concat(SourceFiles(Path.Combine(root, "src", "Generator", "Shared")))
            .ToList();
        var compilation = CSharpCompilation.Create(
            "NetGen",
            sources.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), GeneratorTestHelper.ParseOptions, path: Path.GetRelativePath(root, path).Replace('\\', '/'))),
            RuntimeReferences.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
        // The [GeneratedRegex] methods are left without the regex generator: their bodies hold no tensor code.
        AssertCompiles(compilation, ignoring: "CS8795");

        var sites = UnheldScalars(compilation, compilation.SyntaxTrees);

        Assert.True(sites.Count == 0, "Scalars nothing keeps alive (hold one in a using for the call):\n" + string.Join("\n", sites));
    }

    [Fact]
    public void GeneratedCodeMakesNoScalarThatNothingKeepsAlive()
    {
        // The samples' networks and the fuzz seeds, which the graph snapshots use: together they cover every layer
        // kind the emitter writes (LayerKindCoverageTests), so their generated code is what users get.
        var root = Snapshot.RepositoryRoot;
        var inputs = SampleSnapshotTests.SampleNetworks().Cast<string>().Select(static sample => Path.Combine("samples", sample))
            .Concat(SourceFiles(Path.Combine(root, "tests", "NetGen.Analyzers.Tests", "Fuzz", "Seeds")).Select(path => Path.GetRelativePath(root, path)))
            .ToList();
        var sites = new List<string>();
        foreach (var input in inputs)
        {
            var run = GeneratorTestHelper.RunStrict(File.ReadAllText(Path.Combine(root, input)));
            var generated = run.Output.SyntaxTrees.Where(static tree => tree.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(generated);
            sites.AddRange(UnheldScalars(run.Output, generated).Select(site => input + ": " + site));
        }

        Assert.True(sites.Count == 0, "Generated code makes Scalars nothing keeps alive:\n" + string.Join("\n", sites));
    }

    [Fact]
    public void TheCheckFindsEveryScalarNothingHolds()
    {
        const string source = """
            using TorchSharp;
            using static TorchSharp.torch;

            static class Masks
            {
                static readonly Scalar One = 1.ToScalar();
                static Tensor Implicit(Tensor tokens) => tokens.ne(0);
                static Tensor Cast(Tensor x) => x.mul((Scalar)0.5);
                static Tensor Operator(Tensor x) => x * 2.0;
                static Tensor Reversed(Tensor x) => 1 - x;
                static Tensor Sum(Tensor x, Tensor y) => x + y;
                static Tensor Add(Tensor x, Tensor y) => x.add(y);
                static Tensor Range(long n) => arange(n, ScalarType.Int64);
                static Tensor Held(Tensor tokens)
                {
                    using var zero = 0.ToScalar();
                    return tokens.ne(zero);
                }
                static Tensor Tensors(Tensor x, Tensor y) => x.mul(y).sub(y).add(x, One);
                static Tensor Primitive(Tensor x) => x.clamp_min(0.ToScalar()).view(-1, 1).bernoulli_(0.5);
            }
            """;
        var compilation = GeneratorTestHelper.CreateCompilation(source);
        AssertCompiles(compilation);

        var sites = UnheldScalars(compilation, compilation.SyntaxTrees);

        Assert.Equal(
            [
                "Source0.cs:7: implicit Scalar from int in '0'",
                "Source0.cs:8: implicit Scalar from double in '(Scalar)0.5'",
                "Source0.cs:9: operator Tensor * double makes a Scalar inside TorchSharp in 'x * 2.0'",
                "Source0.cs:10: operator int - Tensor makes a Scalar inside TorchSharp in '1 - x'",
                "Source0.cs:11: operator Tensor + Tensor makes a Scalar inside TorchSharp in 'x + y'",
                "Source0.cs:12: Tensor.add(Tensor) makes a Scalar inside TorchSharp in 'x.add(y)'",
                "Source0.cs:13: torch.arange(Scalar, ScalarType?, Device?, bool) makes a Scalar inside TorchSharp in 'arange(n, ScalarType.Int64)'",
                "Source0.cs:13: implicit Scalar from long in 'n'",
                "Source0.cs:20: Scalar made and not held in '0.ToScalar()'",
            ],
            sites);
    }

    /// <summary>Each place in <paramref name="trees"/> that makes a Scalar nothing holds, as "path:line: what".</summary>
    private static List<string> UnheldScalars(Compilation compilation, IEnumerable<SyntaxTree> trees)
    {
        var scalar = compilation.GetTypeByMetadataName("TorchSharp.Scalar")!;
        var tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor")!;
        var sites = new List<string>();
        foreach (var tree in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            var seen = new HashSet<IOperation>();
            // An implicit conversion shares its operand's syntax, so operations are walked, not syntax nodes.
            var operations = tree.GetRoot().DescendantNodes()
                .Select(node => model.GetOperation(node))
                .SelectMany(static operation => operation?.DescendantsAndSelf() ?? [])
                .Where(seen.Add)
                .OrderBy(static operation => operation.Syntax.SpanStart);
            foreach (var operation in operations)
            {
                var node = operation.Syntax;
                var problem = operation switch
                {
                    IConversionOperation { OperatorMethod: { } method } conversion
                        when SymbolEqualityComparer.Default.Equals(method.ContainingType, scalar)
                        => $"implicit Scalar from {conversion.Operand.Type?.ToDisplayString()}",
                    IBinaryOperation { OperatorMethod: { } method } when HiddenScalars.Makes(method)
                        => $"operator {Display(method.Parameters[0].Type)} {OperatorToken(method.Name)} {Display(method.Parameters[1].Type)} makes a Scalar inside TorchSharp",
                    IUnaryOperation { OperatorMethod: { } method } when HiddenScalars.Makes(method)
                        => $"operator {OperatorToken(method.Name)} makes a Scalar inside TorchSharp",
                    IInvocationOperation { TargetMethod: var method } when HiddenScalars.Makes(method)
                        => $"{Signature(method)} makes a Scalar inside TorchSharp",
                    IObjectCreationOperation { Constructor: { } method } when HiddenScalars.Makes(method)
                        => $"{Signature(method)} makes a Scalar inside TorchSharp",
                    IInvocationOperation { TargetMethod.Name: "ToScalar" } invocation
                        when SymbolEqualityComparer.Default.Equals(invocation.Type, scalar) && !IsHeld(invocation)
                        => "Scalar made and not held",
                    _ => null,
                };
                if (problem is not null)
                {
                    var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                    sites.Add($"{tree.FilePath}:{line}: {problem} in '{node}'");
                }
            }
        }

        return sites;
    }

    /// <summary>Whether a made Scalar is held by a local (a <c>using</c>, a field or a local the code disposes).</summary>
    private static bool IsHeld(IOperation made)
    {
        var parent = made.Parent;
        while (parent is IConversionOperation { IsImplicit: true })
        {
            parent = parent.Parent;
        }

        return parent is IVariableInitializerOperation or ISimpleAssignmentOperation or IReturnOperation or IFieldInitializerOperation;
    }

    private static string Signature(IMethodSymbol method) =>
        $"{method.ContainingType.Name}.{method.Name}({string.Join(", ", method.Parameters.Select(static parameter => Display(parameter.Type)))})";

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string OperatorToken(string name) => name switch
    {
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_Modulus" => "%",
        "op_UnaryNegation" => "-",
        _ => name,
    };

    private static void AssertCompiles(Compilation compilation, string? ignoring = null)
    {
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != ignoring).Take(20).ToList();
        Assert.True(errors.Count == 0, "The sources do not compile, so the check would miss conversions:\n" + string.Join("\n", errors));
    }

    private static IEnumerable<string> SourceFiles(string directory, string? excluded = null) =>
        Directory.GetFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(path =>
            {
                var relative = Path.GetRelativePath(directory, path).Replace('\\', '/');
                return !relative.StartsWith("obj/", StringComparison.Ordinal)
                    && !relative.StartsWith("bin/", StringComparison.Ordinal)
                    && (excluded is null || !relative.StartsWith(excluded + "/", StringComparison.Ordinal));
            })
            .OrderBy(static path => path, StringComparer.Ordinal);

    /// <summary>What the runtime compiles against: the framework and the runtime's packages (no NetGen assembly).</summary>
    private static readonly Lazy<MetadataReference[]> RuntimeReferences = new(static () =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(static path => !Path.GetFileName(path).StartsWith("NetGen", StringComparison.Ordinal))
            .Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());
}
