using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using NetGen.Analyzers;
using NetGen.Model;
using NetGen.Parsing;

namespace NetGen.Generator;

/// <summary>
/// A problem the generator reports, as a value: the pipeline caches it, so it holds no
/// <see cref="Location"/> (which keeps its syntax tree, and so the compilation, alive) but the
/// file path and spans a location is made from when it is reported.
/// </summary>
/// <param name="Kind">The problem; its descriptor is <see cref="DiagnosticDescriptors.For"/>.</param>
/// <param name="FilePath">The file of the span.</param>
/// <param name="Span">The span in that file.</param>
/// <param name="LineSpan">The same span in lines and columns.</param>
/// <param name="Arguments">The message arguments, formatted with the invariant culture.</param>
internal sealed record DiagnosticInfo(ProblemKind Kind, string FilePath, TextSpan Span, LinePositionSpan LineSpan, EquatableArray<string> Arguments)
{
    /// <summary>The value of a located problem.</summary>
    public static DiagnosticInfo From(Problem problem) => new(
        problem.Kind,
        problem.Location.SourceTree?.FilePath ?? string.Empty,
        problem.Location.SourceSpan,
        problem.Location.GetLineSpan().Span,
        problem.Arguments.ToEquatableArray());

    /// <summary>
    /// The diagnostic, at the same span as the analyzer would report it: in the syntax tree of
    /// <paramref name="compilation"/> with that path, so the IDE attaches code fixes (NG0001's) and
    /// <c>#pragma</c> sees it; at the path alone if no tree has it.
    /// </summary>
    public Diagnostic ToDiagnostic(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.FirstOrDefault(tree => tree.FilePath == FilePath);
        var location = tree is not null && Span.End <= tree.Length ? Location.Create(tree, Span) : Location.Create(FilePath, Span, LineSpan);
        return Diagnostic.Create(DiagnosticDescriptors.For(Kind), location, Arguments.ToArray<object>());
    }
}
