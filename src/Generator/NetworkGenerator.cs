using System;
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

        // Roslyn compares hint names ignoring case, and C# does not: Shop.Segmenter and
        // Shop.segmenter are two networks. Every output sees the hint names of all networks
        // (a list that changes only when networks are added, removed or renamed).
        var hintNames = specs
            .Select(static (spec, _) => spec.HintName)
            .Collect()
            .WithTrackingName(TrackingNames.HintNames);

        context.RegisterSourceOutput(specs.Combine(hintNames), static (context, pair) =>
        {
            var (spec, allHintNames) = pair;
            string source;
            try
            {
                source = NetworkEmitter.Emit(spec, context.CancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                source = NetworkEmitter.Emit(spec with { CanGenerate = false, Failure = exception.GetType().Name + ": " + exception.Message }, context.CancellationToken);
            }

            context.AddSource(UniqueHintName(spec.HintName, allHintNames), source);
        });
    }

    /// <summary>
    /// The hint name, or, when other networks' hint names differ from it only in case, the hint name
    /// numbered by its place among them in ordinal order (<c>Shop.segmenter.1.g.cs</c>; no type name
    /// starts with a digit, so the number cannot meet another network's name).
    /// </summary>
    private static string UniqueHintName(string hintName, ImmutableArray<string> allHintNames)
    {
        var variants = allHintNames
            .Where(other => string.Equals(other, hintName, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(static other => other, StringComparer.Ordinal)
            .ToList();
        var index = variants.IndexOf(hintName);
        return index <= 0
            ? hintName
            : hintName.Substring(0, hintName.Length - ".g.cs".Length) + "." + index.ToString(CultureInfo.InvariantCulture) + ".g.cs";
    }
}
