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
/// The generator reports no diagnostics: NetGen.Analyzers reports every problem from the same
/// model. Diagnostics from a generator would have to carry locations through the cached
/// pipeline and could not be configured in .editorconfig; keeping them in an analyzer keeps
/// this pipeline's output a pure function of an equatable spec.
/// </remarks>
[Generator(LanguageNames.CSharp)]
public sealed class NetworkGenerator : IIncrementalGenerator
{
    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // Parse each [Network] class into a spec. The transform sees symbols; its output holds
        // none (see NetworkSpec), so unrelated edits leave the cached spec equal.
        var specs = context.SyntaxProvider
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
                        return NetworkParser.Parse(type, knownTypes, locate: false, cancellationToken).Spec;
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException)
                    {
                        return FallbackSpec.For(type, exception, cancellationToken);
                    }
                })
            .WithTrackingName(TrackingNames.Networks)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
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
