using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetGen.Generator;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>Options for one analyzer run.</summary>
internal sealed record AnalyzerTestOptions
{
    /// <summary>The test's default ID for <c>[|...|]</c> marks.</summary>
    public string? DefaultId { get; init; }

    /// <summary>Text of an .editorconfig placed beside the sources.</summary>
    public string? EditorConfig { get; init; }

    /// <summary>Severity overrides as a project's <c>NoWarn</c>/<c>WarningsAsErrors</c> set them.</summary>
    public IReadOnlyDictionary<string, ReportDiagnostic>? SpecificDiagnosticOptions { get; init; }

    /// <summary>False to compile without the NetGen runtime, as a project that does not use NetGen.</summary>
    public bool ReferenceNetGen { get; init; } = true;

    /// <summary>A library by default; a console application to compile a program with top-level statements.</summary>
    public OutputKind OutputKind { get; init; } = OutputKind.DynamicallyLinkedLibrary;

    /// <summary>References besides the framework, NetGen and TorchSharp (a sample's plotting library).</summary>
    public IReadOnlyList<MetadataReference> AdditionalReferences { get; init; } = Array.Empty<MetadataReference>();
}

/// <summary>
/// Compiles marked-up user code against the NetGen runtime, TorchSharp and the .NET 10 reference
/// assemblies, runs the NetGen generator (so the partial properties get their implementation,
/// as in a real build), then runs every NetGen analyzer and asserts the exact set of
/// diagnostics: every analyzer diagnostic and every compiler error in it must be marked in the source
/// at its exact span, and every mark must be reported. Strict by default: an unexpected
/// compiler error, generator diagnostic or analyzer exception fails the test.
/// </summary>
internal static class AnalyzerTestHelper
{
    /// <summary>C# 14 (field-backed partial properties, collection expressions) is <c>Preview</c> in Roslyn 4.14.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    /// <summary>Where the test sources pretend to live, so .editorconfig sections can match them.</summary>
    public const string SourceDirectory = "/project";

    private static readonly ImmutableArray<MetadataReference> s_framework =
        Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray();

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_withNetGen = new(static () =>
        s_framework.AddRange(new[]
        {
            MetadataReference.CreateFromFile(typeof(NetGen.NetworkAttribute).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(TorchSharp.torch).Assembly.Location),
        }));

    /// <summary>The references every test compilation sees: .NET 10 reference assemblies, the NetGen runtime and TorchSharp.</summary>
    public static ImmutableArray<MetadataReference> NetGenReferences => s_withNetGen.Value;

    /// <summary>Every analyzer NetGen ships: the declaration's (<see cref="NetworkAnalyzer"/>) and those over the code that uses networks.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> AllAnalyzers { get; } =
        typeof(NetworkAnalyzer).Assembly.GetTypes()
            .Where(static type => typeof(DiagnosticAnalyzer).IsAssignableFrom(type) && !type.IsAbstract && type.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
            .OrderBy(static type => type.FullName, StringComparer.Ordinal)
            .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
            .ToImmutableArray();

    public static string PathOf(int index) => $"{SourceDirectory}/Source{index}.cs";

    /// <summary>Verifies one source whose marks use explicit IDs or <paramref name="defaultId"/>.</summary>
    public static Task<ImmutableArray<Diagnostic>> VerifyAsync(string markup, string? defaultId = null) =>
        VerifyAsync(new[] { markup }, new AnalyzerTestOptions { DefaultId = defaultId });

    /// <summary>Verifies several sources (partial declarations across files).</summary>
    public static async Task<ImmutableArray<Diagnostic>> VerifyAsync(string[] markups, AnalyzerTestOptions options)
    {
        var parsed = markups.Select(markup => Markup.Parse(markup, options.DefaultId)).ToList();
        var trees = parsed.Select((p, i) => CSharpSyntaxTree.ParseText(SourceText.From(p.Source), ParseOptions, PathOf(i))).ToList();
        var expected = parsed.SelectMany((p, i) => p.Expected.Select(e => Format(e.Id, trees[i].GetLocation(e.Span)))).OrderBy(static s => s, StringComparer.Ordinal).ToList();

        var diagnostics = await RunAsync(trees, options);
        var actual = diagnostics.Select(static d => Format(d.Id, d.Location)).OrderBy(static s => s, StringComparer.Ordinal).ToList();
        if (!expected.SequenceEqual(actual))
        {
            Assert.Fail(
                "The diagnostics differ from the marked spans.\n" +
                "Expected:\n" + Lines(expected) +
                "Actual:\n" + Lines(diagnostics.OrderBy(static d => Format(d.Id, d.Location), StringComparer.Ordinal).Select(static d => Format(d.Id, d.Location) + " | " + d.GetMessage(CultureInfo.InvariantCulture))));
        }

        return diagnostics;
    }

    /// <summary>The analyzer's diagnostics plus the compiler's errors, after the generator ran; fails on generator or analyzer failures.</summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(IReadOnlyList<SyntaxTree> trees, AnalyzerTestOptions options)
    {
        var compilationOptions = new CSharpCompilationOptions(options.OutputKind, nullableContextOptions: NullableContextOptions.Enable);
        if (options.SpecificDiagnosticOptions is { } specific)
        {
            compilationOptions = compilationOptions.WithSpecificDiagnosticOptions(specific);
        }

        if (options.EditorConfig is { } editorConfig)
        {
            compilationOptions = compilationOptions.WithSyntaxTreeOptionsProvider(new EditorConfigOptions(editorConfig, SourceDirectory, trees.Select(static t => t.FilePath)));
        }

        var references = (options.ReferenceNetGen ? s_withNetGen.Value : s_framework).AddRange(options.AdditionalReferences);
        var compilation = CSharpCompilation.Create("UserCode", trees, references, compilationOptions);

        var driver = CSharpGeneratorDriver.Create(new[] { new NetworkGenerator().AsSourceGenerator() }, parseOptions: ParseOptions);
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics);
        var generatorExceptions = driver.GetRunResult().Results.Where(static r => r.Exception is not null).Select(static r => r.Exception!.ToString()).ToList();
        Assert.True(generatorExceptions.Count == 0, "The generator threw:\n" + string.Join("\n", generatorExceptions));
        // The generator reports the problems that come with compiler errors (ProblemReporting.IsReportedByGenerator),
        // the analyzer every other one; a user sees both, so a test expects both.
        Assert.All(generatorDiagnostics, static d => Assert.True(
            Enum.TryParse<NetGen.Model.ProblemKind>(d.Id.Substring(2), out var kind) && NetGen.Model.ProblemReporting.IsReportedByGenerator(kind),
            "The generator reported a diagnostic that is the analyzer's: " + d));

        var analyzerExceptions = new ConcurrentQueue<string>();
        var withAnalyzers = withGenerated.WithAnalyzers(
            AllAnalyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => analyzerExceptions.Enqueue(exception.ToString()),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.True(analyzerExceptions.IsEmpty, "The analyzer threw:\n" + string.Join("\n", analyzerExceptions));

        // Compiler errors are part of the expected set: a test that expects one marks it, and any
        // other fails the test, including one in generated code. So every scenario here also
        // proves that the generated code (or its placeholder for a declaration with errors)
        // compiles: one mistake, one diagnostic.
        var compilerErrors = withGenerated.GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error);
        return analyzerDiagnostics.Concat(generatorDiagnostics).Concat(compilerErrors).ToImmutableArray();
    }

    /// <summary>The message of the single diagnostic with <paramref name="id"/>, as a user reads it.</summary>
    public static string MessageOf(ImmutableArray<Diagnostic> diagnostics, string id) =>
        Assert.Single(diagnostics, d => d.Id == id).GetMessage(CultureInfo.InvariantCulture);

    /// <summary><c>NG0201 | Source0.cs(7,6)-(7,35)</c>, lines and columns counted from 1 as the compiler prints them.</summary>
    public static string Format(string id, Location location)
    {
        var span = location.GetLineSpan();
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{id} | {Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})-({span.EndLinePosition.Line + 1},{span.EndLinePosition.Character + 1})");
    }

    private static string Lines(IEnumerable<string> lines) =>
        string.Concat(lines.Select(static line => "  " + line + "\n")) is { Length: > 0 } text ? text : "  (none)\n";
}
