using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using NetGen.Analyzers.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Runs one mutant as a build would: the generators through
/// <see cref="CSharpGeneratorDriver"/>.RunGeneratorsAndUpdateCompilation, the analyzers through
/// <see cref="CompilationWithAnalyzers"/> on the updated compilation, then the compiler's
/// diagnostics of both the original and the updated compilation, all under one time limit.
/// </summary>
internal static class MutantRunner
{
    /// <summary>The path the mutant pretends to live at.</summary>
    public const string UserPath = AnalyzerTestHelper.SourceDirectory + "/Mutant.cs";

    public static CSharpParseOptions ParseOptions => AnalyzerTestHelper.ParseOptions;

    /// <summary>
    /// Once the token fires, Roslyn stops at its next check; this is how much longer the run may
    /// take before it is abandoned (a loop that never checks the token).
    /// </summary>
    private static readonly TimeSpan s_abandonAfter = TimeSpan.FromSeconds(2);

    /// <summary>
    /// An empty compilation with the test references, bound once: mutants are added to it as
    /// trees, so they share its reference symbols instead of loading 170 assemblies each.
    /// </summary>
    private static readonly Lazy<CSharpCompilation> s_empty = new(static () =>
    {
        var compilation = CSharpCompilation.Create(
            "UserCode",
            [],
            AnalyzerTestHelper.NetGenReferences,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                // As the .NET SDK does (NoWarn 1701;1702): TorchSharp targets an older System.Runtime.
                .WithSpecificDiagnosticOptions([new("CS1701", ReportDiagnostic.Suppress), new("CS1702", ReportDiagnostic.Suppress)]));
        _ = compilation.GetTypeByMetadataName(NetGenConventions.NetworkMarkerAttribute);
        return compilation;
    });

    /// <summary>Runs <paramref name="mutant"/> and classifies it; never throws, never blocks much longer than <paramref name="timeout"/>.</summary>
    /// <param name="mutant">The source to run.</param>
    /// <param name="timeout">The time limit.</param>
    /// <param name="generators">The generators to run; NetGen's when null (tests of the classifier pass others).</param>
    public static MutantOutcome Run(Mutant mutant, TimeSpan timeout, ImmutableArray<ISourceGenerator>? generators = null)
    {
        var stopwatch = Stopwatch.StartNew();

        // Not disposed if the run is abandoned: the runaway task may still be registering on its token.
        var cancellation = new CancellationTokenSource(timeout);
        var task = Task.Run(() => OutcomeClassifier.Classify(mutant, Execute(mutant.Text, generators ?? NetGenConventions.CreateGenerators(), cancellation.Token)));
        bool finished;
        try
        {
            finished = task.Wait(timeout + s_abandonAfter);
        }
        catch (AggregateException)
        {
            finished = true;
        }

        var elapsed = stopwatch.Elapsed;
        if (finished)
        {
            cancellation.Dispose();
        }

        if (!finished || (task.Exception?.InnerException is OperationCanceledException && cancellation.IsCancellationRequested))
        {
            return OutcomeClassifier.Hang(mutant, elapsed, finished ? "cancelled at the time limit" : "ignored cancellation; abandoned");
        }

        return task.Exception?.InnerException switch
        {
            null => task.Result with { Elapsed = elapsed },
            CompilerCrashException crash => OutcomeClassifier.CompilerCrash(mutant, elapsed, crash.InnerException!),
            var exception => OutcomeClassifier.HarnessFailure(mutant, elapsed, exception),
        };
    }

    /// <summary>The user's tree as the compiler sees the mutant's text (exact UTF-16, lone surrogates included).</summary>
    public static SyntaxTree Parse(string text, CancellationToken cancellationToken = default) =>
        CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), ParseOptions, UserPath, cancellationToken);

    /// <summary>The text of every source the generators emit for <paramref name="text"/>.</summary>
    public static IReadOnlyList<string> Generate(string text)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(NetGenConventions.CreateGenerators(), parseOptions: ParseOptions);
        driver = driver.RunGenerators(s_empty.Value.AddSyntaxTrees(Parse(text)));
        return driver.GetRunResult().GeneratedTrees.Select(static t => t.GetText().ToString()).ToList();
    }

    private static MutantRun Execute(string text, ImmutableArray<ISourceGenerator> generators, CancellationToken cancellationToken)
    {
        var tree = Parse(text, cancellationToken);
        var original = s_empty.Value.AddSyntaxTrees(tree);
        ImmutableArray<Diagnostic> originalDiagnostics;
        try
        {
            originalDiagnostics = original.GetDiagnostics(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new CompilerCrashException(exception);
        }

        GeneratorDriver driver = CSharpGeneratorDriver.Create(generators, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(original, out var updated, out var generatorDiagnostics, cancellationToken);
        var results = driver.GetRunResult().Results;

        var analyzerExceptions = new ConcurrentQueue<Exception>();
        var withAnalyzers = updated.WithAnalyzers(
            NetGenConventions.CreateAnalyzers(),
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onAnalyzerException: (exception, _, _) => analyzerExceptions.Enqueue(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));
        var analyzerDiagnostics = withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).GetAwaiter().GetResult();

        return new MutantRun(
            tree,
            original,
            updated,
            results.SelectMany(static r => r.GeneratedSources).ToImmutableArray(),
            results.Where(static r => r.Exception is not null).Select(static r => r.Exception!).ToList(),
            generatorDiagnostics,
            analyzerExceptions.ToList(),
            analyzerDiagnostics,
            originalDiagnostics,
            updated.GetDiagnostics(cancellationToken));
    }

    /// <summary>Roslyn itself failed on the user's code alone, before any generator ran: a compiler bug no NetGen change can fix.</summary>
    private sealed class CompilerCrashException(Exception inner) : Exception("The compiler crashed on the mutant alone.", inner);
}
