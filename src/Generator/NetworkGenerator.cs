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

                    return NetworkParser.Parse(type, knownTypes, locate: false, cancellationToken).Spec;
                })
            .WithTrackingName(TrackingNames.Networks)
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.Specs);

        context.RegisterSourceOutput(specs, static (context, spec) =>
            context.AddSource(spec.HintName, NetworkEmitter.Emit(spec, context.CancellationToken)));
    }
}
