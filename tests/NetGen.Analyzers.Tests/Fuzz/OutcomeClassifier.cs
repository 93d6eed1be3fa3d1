using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Turns a run into failures and observations. The user's own errors are told from the
/// generator's by comparing the compilation without generated code (what the user wrote) with
/// the compilation after the generator ran:
/// <list type="bullet">
/// <item><b>user's own errors</b>: errors of the original compilation that are still there after
/// generation, except CS9248 on a member the generator owes an implementation;</item>
/// <item><b>generator-caused errors</b>: errors the generator added (anywhere: in its own files, or
/// in the user's, like a duplicate member), plus owed CS9248s it left.</item>
/// </list>
/// Errors the generator fixed (uses of generated members) are neither.
/// </summary>
internal static class OutcomeClassifier
{
    public static MutantOutcome Classify(Mutant mutant, MutantRun run)
    {
        var failures = FailureClass.None;
        var observations = Observation.None;
        var signatures = ImmutableDictionary.CreateBuilder<FailureClass, string>();
        var generatedTrees = run.GeneratedSources.Select(static s => s.SyntaxTree).ToHashSet();

        var generatorExceptions = run.GeneratorExceptions.Select(Signature).ToList();
        if (generatorExceptions.Count > 0 || run.GeneratorDiagnostics.Any(static d => d.Id == NetGenConventions.GeneratorFailedId))
        {
            failures |= FailureClass.GeneratorException;
            signatures[FailureClass.GeneratorException] = generatorExceptions.FirstOrDefault() ?? NetGenConventions.GeneratorFailedId;
        }

        var analyzerExceptions = run.AnalyzerExceptions.Select(Signature).ToList();
        if (analyzerExceptions.Count > 0 || run.AnalyzerDiagnostics.Any(static d => d.Id == NetGenConventions.AnalyzerFailedId))
        {
            failures |= FailureClass.AnalyzerException;
            signatures[FailureClass.AnalyzerException] = analyzerExceptions.FirstOrDefault() ?? NetGenConventions.AnalyzerFailedId;
        }

        var originalErrors = Errors(run.OriginalDiagnostics);
        var updatedErrors = Errors(run.UpdatedDiagnostics);
        var originalKeys = originalErrors.Select(Key).ToHashSet(StringComparer.Ordinal);
        var updatedKeys = updatedErrors.Select(Key).ToHashSet(StringComparer.Ordinal);
        var owed = originalErrors.Where(d => IsOwed(d, run)).ToList();
        var owedKeys = owed.Select(Key).ToHashSet(StringComparer.Ordinal);

        var userErrors = originalErrors.Where(d => updatedKeys.Contains(Key(d)) && !owedKeys.Contains(Key(d))).ToList();
        var addedErrors = updatedErrors.Where(d => !originalKeys.Contains(Key(d))).ToList();

        // The compiler checks an attribute (its target, CS0592) only once its arguments bind: a
        // misplaced [Dense(1, From = nameof(forward))] is reported after generation, when forward
        // exists. An error that appears in an attribute list of the user's that held an error
        // before generation is the user's own.
        var unmasked = addedErrors.Where(d => InAttributeListWithError(d, originalErrors, run)).ToList();
        userErrors.AddRange(unmasked);
        addedErrors.RemoveAll(unmasked.Contains);
        var owedLeft = owed.Where(d => updatedKeys.Contains(Key(d))).ToList();
        var ngErrors = run.AnalyzerDiagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != NetGenConventions.AnalyzerFailedId && d.Location.SourceTree == run.UserTree)
            // The generator reports the problems that come with compiler errors (at a path and span, not in a tree).
            .Concat(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != NetGenConventions.GeneratorFailedId && d.Location.GetLineSpan().Path == run.UserTree.FilePath))
            .ToList();
        var placeholder = run.GeneratedSources.Any(static s => NetGenConventions.IsPlaceholder(s.SourceText.ToString()));

        observations |= userErrors.Count > 0 ? Observation.UserErrors : 0;
        observations |= ngErrors.Count > 0 ? Observation.NgError : 0;
        observations |= placeholder ? Observation.Placeholder : 0;
        observations |= run.GeneratedSources.IsEmpty ? Observation.NothingGenerated : 0;

        // A thrown generator explains every missing or broken generated member: no second verdict.
        if ((failures & FailureClass.GeneratorException) == 0)
        {
            var excused = userErrors.Count > 0 || ngErrors.Count > 0;
            if (addedErrors.Count > 0)
            {
                observations |= ngErrors.Count > 0 ? Observation.GeneratedErrorsDespiteNgError : 0;
                observations |= userErrors.Count > 0 ? Observation.GeneratedErrorsWithUserErrors : 0;
                if (!excused)
                {
                    failures |= FailureClass.Cascade;
                    signatures[FailureClass.Cascade] = CascadeSignature(addedErrors, run);
                }
            }

            // Only when nothing else went wrong: a generated file with errors leaves members unimplemented as a matter of course.
            if (owedLeft.Count > 0 && addedErrors.Count == 0 && !excused)
            {
                failures |= FailureClass.MissingImplementation;
                signatures[FailureClass.MissingImplementation] = string.Join(" ", owedLeft.Select(static d => d.Id).Distinct().Order(StringComparer.Ordinal))
                    + " in " + string.Join("/", owedLeft.Select(d => DeclaredKind(d, run)).Distinct().Order(StringComparer.Ordinal))
                    + (run.GeneratedSources.IsEmpty ? ", nothing generated" : ", member not generated");
            }

            if (placeholder && !excused)
            {
                failures |= FailureClass.SilentPlaceholder;
                var warnings = run.UpdatedDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree == run.UserTree).Select(static d => d.Id).Distinct().Order(StringComparer.Ordinal).ToList();
                signatures[FailureClass.SilentPlaceholder] = "placeholder" + (warnings.Count > 0 ? " with " + string.Join(" ", warnings) : " in a clean build");
            }
        }

        return new MutantOutcome(mutant, failures, observations, TimeSpan.Zero, signatures.ToImmutable(), Details(run, generatedTrees));
    }

    public static MutantOutcome Hang(Mutant mutant, TimeSpan elapsed, string how) => new(
        mutant,
        FailureClass.Hang,
        Observation.None,
        elapsed,
        ImmutableDictionary<FailureClass, string>.Empty.Add(FailureClass.Hang, "hang"),
        [string.Create(CultureInfo.InvariantCulture, $"hang: {elapsed.TotalMilliseconds:F0} ms, {how}")]);

    public static MutantOutcome CompilerCrash(Mutant mutant, TimeSpan elapsed, Exception exception) => new(
        mutant,
        FailureClass.None,
        Observation.CompilerCrashOnUserCode,
        elapsed,
        ImmutableDictionary<FailureClass, string>.Empty,
        ["compiler crashed on the user's code alone: " + Signature(exception)]);

    public static MutantOutcome HarnessFailure(Mutant mutant, TimeSpan elapsed, Exception exception) => new(
        mutant,
        FailureClass.HarnessException,
        Observation.None,
        elapsed,
        ImmutableDictionary<FailureClass, string>.Empty.Add(FailureClass.HarnessException, Signature(exception)),
        ["harness exception: " + exception]);

    /// <summary><c>NullReferenceException at NetGen.Model.Parsing.NetworkParser.ReadCompile</c>: the type and the first NetGen frame (else the first frame).</summary>
    public static string Signature(Exception exception)
    {
        var frames = (exception.StackTrace ?? "").Split('\n').Select(static l => l.Trim()).Where(static l => l.StartsWith("at ", StringComparison.Ordinal)).ToList();
        var frame = frames.FirstOrDefault(static l => l.StartsWith("at NetGen.", StringComparison.Ordinal)) ?? frames.FirstOrDefault() ?? "at ?";
        var paren = frame.IndexOf('(', StringComparison.Ordinal);
        return exception.GetType().Name + " " + (paren > 0 ? frame.Substring(0, paren) : frame);
    }

    /// <summary>
    /// The first error the generator caused (file order, then position) and the shape of the
    /// line it is on, e.g. <c>CS1001 at `x: [global::x.x.-0],`</c>: identifiers become <c>x</c>,
    /// numbers <c>0</c>, strings <c>""</c>, so the same emitter mistake made for different
    /// networks has one signature, and no generated name is hard-coded here.
    /// </summary>
    private static string CascadeSignature(List<Diagnostic> addedErrors, MutantRun run)
    {
        var treeOrder = run.GeneratedSources.Select(static s => s.SyntaxTree).Prepend(run.UserTree).ToList();
        var first = addedErrors
            .OrderBy(d => d.Location.SourceTree is { } tree ? treeOrder.IndexOf(tree) : int.MaxValue)
            .ThenBy(static d => d.Location.SourceSpan.Start)
            .ThenBy(static d => d.Id, StringComparer.Ordinal)
            .First();
        if (first.Location.SourceTree is not { } where)
        {
            return first.Id;
        }

        var line = where.GetText().Lines.GetLineFromPosition(first.Location.SourceSpan.Start).ToString();
        var shape = new StringBuilder();
        var spaceBefore = false;
        foreach (var token in SyntaxFactory.ParseTokens(line))
        {
            shape.Append(spaceBefore || token.HasLeadingTrivia ? " " : "").Append(token.Kind() switch
            {
                // Contextual keywords (partial, get, global, nameof, var) lex as identifiers but are shape, not names.
                SyntaxKind.IdentifierToken when SyntaxFacts.GetContextualKeywordKind(token.ValueText) == SyntaxKind.None => "x",
                SyntaxKind.NumericLiteralToken => "0",
                SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken => "\"\"",
                _ => token.Text,
            });
            spaceBefore = token.HasTrailingTrivia;
        }

        var text = shape.ToString().Trim();
        return first.Id + (where == run.UserTree ? " in user code at `" : " at `") + (text.Length > 70 ? text.Substring(0, 70) + "..." : text) + "`";
    }

    private static List<Diagnostic> Errors(ImmutableArray<Diagnostic> diagnostics) =>
        diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();

    /// <summary>Same error at the same place: ID, file, span (and the message when there is no place).</summary>
    private static string Key(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree is { } tree
            ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id}|{tree.FilePath}|{diagnostic.Location.SourceSpan.Start}|{diagnostic.Location.SourceSpan.Length}")
            : diagnostic.Id + "|" + diagnostic.GetMessage(CultureInfo.InvariantCulture);

    private static bool InAttributeListWithError(Diagnostic diagnostic, List<Diagnostic> originalErrors, MutantRun run)
    {
        if (diagnostic.Location.SourceTree != run.UserTree)
        {
            return false;
        }

        var root = run.UserTree.GetRoot();
        var list = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<AttributeListSyntax>();
        return list is not null && originalErrors.Any(o => o.Location.SourceTree == run.UserTree && list.Span.Contains(o.Location.SourceSpan));
    }

    private static bool IsOwed(Diagnostic diagnostic, MutantRun run) =>
        NetGenConventions.UnimplementedPartialMemberIds.Contains(diagnostic.Id)
        && DeclaredMember(diagnostic, run) is { } member
        && NetGenConventions.IsGeneratorOwed(member, run.Original);

    private static ISymbol? DeclaredMember(Diagnostic diagnostic, MutantRun run)
    {
        if (diagnostic.Location.SourceTree != run.UserTree)
        {
            return null;
        }

        var node = run.UserTree.GetRoot().FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<MemberDeclarationSyntax>();
        return node is null ? null : run.Original.GetSemanticModel(run.UserTree).GetDeclaredSymbol(node);
    }

    /// <summary>"record", "struct", "class"... of the type holding an unimplemented member: the usual reason the generator skipped it.</summary>
    private static string DeclaredKind(Diagnostic diagnostic, MutantRun run) =>
        DeclaredMember(diagnostic, run)?.ContainingType is { } type
            ? (type.IsRecord ? "record " : "") + (type.IsStatic ? "static " : "") + type.TypeKind.ToString().ToLowerInvariant()
              + (type.IsGenericType ? " (generic)" : "")
            : "?";

    private static List<string> Details(MutantRun run, HashSet<SyntaxTree> generatedTrees)
    {
        var details = new List<string>();
        details.AddRange(run.GeneratorExceptions.Select(static e => "generator threw: " + FirstLines(e.ToString(), 6)));
        details.AddRange(run.AnalyzerExceptions.Select(static e => "analyzer threw: " + FirstLines(e.ToString(), 6)));
        details.AddRange(run.GeneratorDiagnostics.Select(static d => "generator: " + Format(d)));
        details.AddRange(run.AnalyzerDiagnostics.Select(static d => "analyzer: " + Format(d)));
        foreach (var diagnostic in run.UpdatedDiagnostics.Where(static d => d.Severity >= DiagnosticSeverity.Warning))
        {
            details.Add("compiler: " + Format(diagnostic));
            if (diagnostic.Location.SourceTree is { } tree && generatedTrees.Contains(tree))
            {
                // The generated line is what tells one cascade's root cause from another's.
                var line = tree.GetText().Lines[diagnostic.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim();
                details.Add("    > " + (line.Length > 160 ? line.Substring(0, 160) + "..." : line));
            }
        }

        return details;
    }

    /// <summary><c>CS0102 | Error | Net.g.cs(34,53) | message</c>.</summary>
    public static string Format(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.SourceTree is null
            ? "(no location)"
            : string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileName(span.Path)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})");
        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Id} | {diagnostic.Severity} | {where} | {FirstLines(diagnostic.GetMessage(CultureInfo.InvariantCulture), 2)}");
    }

    private static string FirstLines(string text, int count) =>
        string.Join("\n      ", text.Split('\n').Take(count).Select(static l => l.TrimEnd()));
}
