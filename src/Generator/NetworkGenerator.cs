using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emit;
using NetGen.Model;
using NetGen.Parsing;

namespace NetGen.Generator;

/// <summary>
/// Generates a TorchSharp module for every class marked <c>[Network]</c>.
/// </summary>
/// <remarks>
/// The generator reports only the problems that make a declaration impossible to implement
/// (<see cref="ProblemReporting.IsReportedByGenerator"/>): they come with compiler errors, after which
/// the command-line compiler runs no analyzer, so NetGen.Analyzers could not explain them there.
/// NetGen.Analyzers reports every other problem from the same model. The diagnostics travel as
/// values (<see cref="DiagnosticInfo"/>) and are reported from their own output, so the source
/// output stays a pure function of an equatable spec.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parse each [Network] class into a spec and the problems the generator reports. The
        // transform sees symbols; its output holds none (see NetworkSpec, DiagnosticInfo), so
        // unrelated edits leave it equal.
        var networks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownTypes.NetworkAttributeName,
                predicate: static (node, _) => node is TypeDeclarationSyntax,
                transform: static (context, cancellationToken) =>
                {
                    if (context.TargetSymbol is not INamedTypeSymbol type
                        || KnownTypes.Create(context.SemanticModel.Compilation) is not { } knownTypes)
                    {
                        return null;
                    }

                    // A bug on one declaration must not take down every network's generated code
                    // (an exception here fails the whole generator): that class gets a placeholder.
                    try
                    {
                        FaultInjection.ThrowIfRequested(type);
                        var result = NetworkParser.Parse(type, knownTypes, ProblemReporting.IsReportedByGenerator, cancellationToken);
                        return new ParsedNetwork(result.Spec, result.Problems.Select(DiagnosticInfo.From).ToEquatableArray());
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        return new ParsedNetwork(FallbackSpec.For(type, exception, cancellationToken), EquatableArray<DiagnosticInfo>.Empty);
                    }
                })
            .WithTrackingName(TrackingNames.Networks);

        // Diagnostics are their own output: a span moved by an edit above the class re-reports
        // them without re-emitting the source. They are located in the current compilation's tree
        // only when reported (the compilation changes on every edit, so it is never cached with them).
        // A class whose two parts both carry [Network] (the user's CS0579) is parsed once per part,
        // with the same problems: each is reported once.
        var diagnostics = networks
            .SelectMany(static (network, _) => network?.Diagnostics ?? EquatableArray<DiagnosticInfo>.Empty)
            .Collect()
            .SelectMany(static (all, _) => all.Distinct())
            .WithTrackingName(TrackingNames.Diagnostics);
        context.RegisterSourceOutput(
            diagnostics.Combine(context.CompilationProvider),
            static (context, pair) => context.ReportDiagnostic(pair.Left.ToDiagnostic(pair.Right)));

        var specs = networks
            .Where(static network => network?.Spec is not null)
            .Select(static (network, _) => network!.Spec!)
            .WithTrackingName(TrackingNames.Specs);

        // One file per hint name, and Roslyn compares hint names ignoring case while C# does not:
        // Shop.Segmenter and Shop.segmenter are two networks, and a class whose two partial parts
        // both carry [Network] (the user's CS0579) is one. Each spec is compared on its own after
        // this step, so an edit to one network re-emits that network alone.
        var uniqueSpecs = specs
            .Collect()
            .SelectMany(static (all, _) => WithUniqueHintNames(all))
            .WithTrackingName(TrackingNames.UniqueSpecs);

        context.RegisterSourceOutput(uniqueSpecs, static (context, spec) =>
        {
            string source;
            try
            {
                source = NetworkEmitter.Emit(spec, context.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                source = NetworkEmitter.Emit(spec with { CanGenerate = false, Failure = exception.GetType().Name + ": " + exception.Message }, context.CancellationToken);
            }

            context.AddSource(spec.HintName, source);
        });
    }

    /// <summary>
    /// The specs with one per hint name (the first of exact duplicates), those whose hint names
    /// differ from others' only in case numbered by their place among them in ordinal order
    /// (<c>Shop.segmenter.1.g.cs</c>; no type name starts with a digit, so the number cannot meet
    /// another network's name).
    /// </summary>
    private static ImmutableArray<NetworkSpec> WithUniqueHintNames(ImmutableArray<NetworkSpec> specs)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = specs.Where(spec => seen.Add(spec.HintName)).ToList();
        return unique.Select(spec =>
        {
            var index = unique
                .Select(static other => other.HintName)
                .Where(other => string.Equals(other, spec.HintName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(static other => other, StringComparer.Ordinal)
                .ToList()
                .IndexOf(spec.HintName);
            return index == 0
                ? spec
                : spec with { HintName = spec.HintName.Substring(0, spec.HintName.Length - ".g.cs".Length) + "." + index.ToString(CultureInfo.InvariantCulture) + ".g.cs" };
        }).ToImmutableArray();
    }
}
