using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Model;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compiles user code against the real NetGen runtime and TorchSharp metadata, runs the
/// generator with step tracking, and is strict by default: any compile error or generator
/// failure the test did not expect fails it.
/// </summary>
internal static class GeneratorTestHelper
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(static () =>
    {
        var trusted = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var framework = trusted.Where(static path => Path.GetFileName(path).StartsWith("System.", StringComparison.Ordinal)
            || Path.GetFileName(path) is "netstandard.dll" or "mscorlib.dll");
        var netgen = typeof(NetGen.INetwork).Assembly.Location;
        var torch = typeof(TorchSharp.torch).Assembly.Location;
        return framework.Concat(new[] { netgen, torch }).Distinct().Select(static path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToImmutableArray();
    });

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "UserCode",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create(
            new[] { new NetworkGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator and returns its result and the compilation with the generated code.</summary>
    public static GeneratorRun Run(CSharpCompilation compilation, GeneratorDriver? driver = null)
    {
        driver = (driver ?? CreateDriver()).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorRun(driver, driver.GetRunResult(), output, generatorDiagnostics);
    }

    /// <summary>Runs the generator and fails on any error in the generated or user code, or any generator exception.</summary>
    public static GeneratorRun RunStrict(params string[] sources)
    {
        var run = Run(CreateCompilation(sources));
        run.AssertNoGeneratorException();
        var errors = run.Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Concat(run.GeneratorDiagnostics).ToList();
        Assert.True(errors.Count == 0, "Unexpected compile errors:\n" + string.Join("\n", errors));
        return run;
    }
}

internal sealed record GeneratorRun(GeneratorDriver Driver, GeneratorDriverRunResult Result, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public IReadOnlyList<GeneratedSourceResult> Sources => Result.Results.SelectMany(static r => r.GeneratedSources).ToList();

    public void AssertNoGeneratorException()
    {
        var exceptions = Result.Results.Where(static r => r.Exception is not null).Select(static r => r.Exception!.ToString()).ToList();
        Assert.True(exceptions.Count == 0, "The generator threw:\n" + string.Join("\n", exceptions));
        // The generator reports only the problems that come with compiler errors; the analyzer reports the rest.
        var others = GeneratorDiagnostics.Where(static d => !IsGeneratorsToReport(d.Id)).ToList();
        Assert.True(others.Count == 0, "The generator reported diagnostics that are the analyzer's:\n" + string.Join("\n", others));
    }

    /// <summary>Whether <paramref name="id"/> is one the generator reports (<see cref="ProblemReporting.IsReportedByGenerator"/>).</summary>
    public static bool IsGeneratorsToReport(string id) =>
        id.StartsWith("NG", System.StringComparison.Ordinal)
        && System.Enum.TryParse<ProblemKind>(id.Substring(2), out var kind)
        && System.Enum.IsDefined(kind)
        && ProblemReporting.IsReportedByGenerator(kind);

    public string Source(string hintName) =>
        Sources.Single(s => s.HintName == hintName).SourceText.ToString();

    /// <summary>Errors in the whole compilation, as "CSxxxx: message" lines.</summary>
    public IReadOnlyList<string> Errors() =>
        Output.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Select(static d => d.Id + ": " + d.GetMessage()).ToList();
}
