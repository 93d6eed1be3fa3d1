using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Applies an .editorconfig to the test trees the way the compiler does: Roslyn's own
/// <see cref="AnalyzerConfigSet"/> computes per-file severities, handed over as tree options.
/// </summary>
internal sealed class EditorConfigOptions : SyntaxTreeOptionsProvider
{
    private readonly Dictionary<string, AnalyzerConfigOptionsResult> _byPath;
    private readonly AnalyzerConfigOptionsResult _global;

    public EditorConfigOptions(string editorConfig, string directory, IEnumerable<string> paths)
    {
        var set = AnalyzerConfigSet.Create(new[] { AnalyzerConfig.Parse(editorConfig, directory + "/.editorconfig") });
        _byPath = paths.ToDictionary(static path => path, path => set.GetOptionsForSourcePath(path));
        _global = set.GlobalConfigOptions;
    }

    public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

    public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
    {
        severity = ReportDiagnostic.Default;
        return _byPath.TryGetValue(tree.FilePath, out var options) && options.TreeOptions.TryGetValue(diagnosticId, out severity);
    }

    public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
        _global.TreeOptions.TryGetValue(diagnosticId, out severity);
}
