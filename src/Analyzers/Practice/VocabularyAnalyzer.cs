using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;
using NetGen.Model.Layers;
using NetGen.Parsing;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0123: token ids from a vocabulary built with a constant <c>maxWords</c> fed (to <c>Fit</c>,
/// <c>Evaluate</c>, <c>Predict</c>) to a network whose Embedding reading that input has fewer rows.
/// The ids are followed through locals within one method, from <c>Vocabulary.Build</c> through
/// <c>Encode</c> and <c>Sequences.PadSequences</c>; anything less certain (a vocabulary from a field,
/// a network with several inputs, a computed <c>maxWords</c>) stays silent. The Embedding checks ids
/// at run time too, so what this cannot see still fails with a clear message.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class VocabularyAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.EmbeddingSmallerThanVocabulary);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            var compilation = start.Compilation;
            if (KnownTypes.Create(compilation) is not { } knownTypes
                || compilation.GetTypeByMetadataName("NetGen.Data.Text.Vocabulary") is not { } vocabulary
                || compilation.GetTypeByMetadataName("NetGen.Data.Text.Sequences") is not { } sequences)
            {
                return;
            }

            var consumers = new[] { "NetGen.NetworkTraining", "NetGen.NetworkEvaluation" }
                .Select(compilation.GetTypeByMetadataName)
                .Where(static type => type is not null)
                .Cast<INamedTypeSymbol>()
                .ToImmutableArray();
            var types = new TextTypes(knownTypes, vocabulary, sequences, consumers);
            start.RegisterOperationBlockStartAction(block =>
            {
                var locals = new LocalValues();
                var calls = new ConcurrentQueue<IInvocationOperation>();
                block.RegisterOperationAction(operation => locals.Visit(operation.Operation), LocalValues.Kinds);
                block.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (invocation.TargetMethod.Name is "Fit" or "Evaluate" or "Predict" or "PredictClasses"
                            && types.Consumers.Any(consumer => KnownTypes.Is(invocation.TargetMethod.ContainingType, consumer)))
                        {
                            calls.Enqueue(invocation);
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    foreach (var call in calls)
                    {
                        Check(end, types, locals, call);
                    }
                });
            });
        });
    }

    private static void Check(OperationBlockAnalysisContext context, TextTypes types, LocalValues locals, IInvocationOperation call)
    {
        // Extension methods: the network is the first argument, the ids the one named x.
        var network = call.Arguments.FirstOrDefault(static argument => argument.Parameter?.Ordinal == 0)?.Value;
        var x = call.Arguments.FirstOrDefault(static argument => argument.Parameter?.Name == "x");
        if (network is null || x is null || Built(types, locals, x.Value) is not { } built)
        {
            return;
        }

        var networkType = (network is IConversionOperation conversion ? conversion.Operand : network).Type as INamedTypeSymbol;
        if (networkType is null || !networkType.GetAttributes().Any(attribute => KnownTypes.Is(attribute.AttributeClass, types.KnownTypes.NetworkAttribute)))
        {
            return;
        }

        // The declaration as the generator reads it: the Embedding that reads the network's only input.
        var spec = NetworkParser.Parse(networkType, types.KnownTypes, locate: null, context.CancellationToken).Spec;
        if (spec is null || spec.Inputs.Count != 1)
        {
            return;
        }

        foreach (var layer in spec.Layers)
        {
            if (layer.Config is EmbeddingConfig embedding && layer.Inputs.Count == 1 && layer.Inputs[0] == spec.Inputs[0].Name && embedding.InputDim < built.MaxWords)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_rule,
                    x.Value.Syntax.GetLocation(),
                    networkType.Name,
                    layer.Name,
                    embedding.InputDim.ToString(CultureInfo.InvariantCulture),
                    built.Name,
                    built.MaxWords.ToString(CultureInfo.InvariantCulture)));
                return;
            }
        }
    }

    /// <summary>
    /// The vocabulary whose ids <paramref name="operation"/> holds, when it is built in this method with
    /// a constant <c>maxWords</c> and reached through <c>Encode</c>, <c>PadSequences</c> and locals.
    /// </summary>
    private static BuiltVocabulary? Built(TextTypes types, LocalValues locals, IOperation operation, int depth = 0)
    {
        if (depth > 16)
        {
            return null;
        }

        var value = locals.Resolve(operation);
        if (value is not IInvocationOperation invocation)
        {
            return null;
        }

        var method = invocation.TargetMethod;
        if (KnownTypes.Is(method.ContainingType, types.Sequences) && method.Name is "PadSequences" or "PadSequencesToArrays")
        {
            var sequences = invocation.Arguments.FirstOrDefault(static argument => argument.Parameter?.Name == "sequences");
            return sequences is null ? null : Built(types, locals, sequences.Value, depth + 1);
        }

        if (KnownTypes.Is(method.ContainingType, types.Vocabulary) && method.Name == "Encode" && invocation.Instance is { } instance
            && locals.Resolve(instance) is IInvocationOperation { TargetMethod.Name: "Build" } build && KnownTypes.Is(build.TargetMethod.ContainingType, types.Vocabulary)
            && build.Arguments.FirstOrDefault(static argument => argument.Parameter?.Name == "maxWords") is { ArgumentKind: not ArgumentKind.DefaultValue } maxWords
            && MaxWords(maxWords.Value) is { } max)
        {
            var name = (instance is IConversionOperation c ? c.Operand : instance) is ILocalReferenceOperation local ? local.Local.Name : instance.Syntax.ToString();
            return new BuiltVocabulary(name, max);
        }

        return null;
    }

    /// <summary>A constant maxWords, through the conversion to <c>int?</c>.</summary>
    private static int? MaxWords(IOperation value)
    {
        var operand = value is IConversionOperation conversion ? conversion.Operand : value;
        return operand.ConstantValue.HasValue && operand.ConstantValue.Value is int max ? max : null;
    }

    /// <summary>The runtime's text types in this compilation.</summary>
    private sealed record TextTypes(KnownTypes KnownTypes, INamedTypeSymbol Vocabulary, INamedTypeSymbol Sequences, ImmutableArray<INamedTypeSymbol> Consumers);

    /// <summary>A vocabulary built in the method: the local that holds it and its constant maxWords.</summary>
    private sealed record BuiltVocabulary(string Name, int MaxWords);
}
