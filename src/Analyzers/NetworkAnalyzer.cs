using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using NetGen.Model;
using NetGen.Parsing;

namespace NetGen.Analyzers;

/// <summary>
/// Reports every problem the network model finds in a <c>[Network]</c> class: structure,
/// shape and configuration, but the few the generator reports itself because they come with
/// compiler errors (<see cref="ProblemReporting.IsReportedByGenerator"/>), so each problem appears once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class NetworkAnalyzer : DiagnosticAnalyzer
{
    // One descriptor per problem kind the model can find in a declaration.
    private static readonly ImmutableArray<DiagnosticDescriptor> s_supportedDiagnostics =
        System.Enum.GetValues(typeof(ProblemKind)).Cast<ProblemKind>().Where(static kind => !DiagnosticDescriptors.IsFoundInUserCode(kind) && IsReported(kind)).Select(DiagnosticDescriptors.For).ToImmutableArray();

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => s_supportedDiagnostics;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        // Symbol actions run once per type, whatever its parts, so the generator's half is never
        // analysed twice; diagnostics must still be reported when the user marked their own part
        // (or one of its members) [GeneratedCode], or an error would vanish behind a placeholder.
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.ReportDiagnostics);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Resolved once per compilation; projects that do not reference NetGen pay nothing more.
            if (KnownTypes.Create(start.Compilation) is not { } knownTypes)
            {
                return;
            }

            start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, knownTypes), SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Every problem in a declaration but those the generator reports (<see cref="ProblemReporting.IsReportedByGenerator"/>):
    /// they come with compiler errors, after which the command-line compiler runs no analyzer.
    /// </summary>
    private static bool IsReported(ProblemKind kind) => !ProblemReporting.IsReportedByGenerator(kind);

    private static void AnalyzeType(SymbolAnalysisContext context, KnownTypes knownTypes)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!type.GetAttributes().Any(attribute => KnownTypes.Is(attribute.AttributeClass, knownTypes.NetworkAttribute)))
        {
            return;
        }

        var result = NetworkParser.Parse(type, knownTypes, locate: IsReported, context.CancellationToken);
        foreach (var problem in result.Problems)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.For(problem.Kind), problem.Location, problem.AdditionalLocations, problem.Properties, problem.Arguments.ToArray<object>()));
        }
    }
}
