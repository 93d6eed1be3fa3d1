using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>The raw evidence of one run, alive only while it is classified (it holds compilations).</summary>
internal sealed record MutantRun(
    SyntaxTree UserTree,
    Compilation Original,
    Compilation Updated,
    ImmutableArray<GeneratedSourceResult> GeneratedSources,
    IReadOnlyList<Exception> GeneratorExceptions,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    IReadOnlyList<Exception> AnalyzerExceptions,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics,
    ImmutableArray<Diagnostic> OriginalDiagnostics,
    ImmutableArray<Diagnostic> UpdatedDiagnostics);
