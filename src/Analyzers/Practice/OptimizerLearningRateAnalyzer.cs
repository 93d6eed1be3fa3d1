using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;
using NetGen.Model.Analysis;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0306: a runtime optimizer created in code (<c>new Adam(learningRate: 0.5)</c>, passed to <c>Compile</c>)
/// with a constant learning rate more than ten times the top of that optimizer's usual range. The limits are
/// NG0217's (<see cref="OptimizerHyperparameters.UsualLearningRateLimit"/>), so a rate declared on the network
/// and one written in code are judged alike. A rate that is not a compile-time constant stays silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OptimizerLearningRateAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.OptimizerLearningRateAboveUsualRange);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            // Each runtime optimizer class is named after its kind (OptimizerHyperparameters.ClassName).
            var optimizers = new Dictionary<INamedTypeSymbol, OptimizerKind>(SymbolEqualityComparer.Default);
            foreach (var kind in Enum.GetValues(typeof(OptimizerKind)).Cast<OptimizerKind>())
            {
                if (start.Compilation.GetTypeByMetadataName("NetGen.Optimizers." + OptimizerHyperparameters.ClassName(kind)) is { } type)
                {
                    optimizers[type] = kind;
                }
            }

            if (optimizers.Count == 0)
            {
                return;
            }

            start.RegisterOperationAction(operation => Check(operation, optimizers), OperationKind.ObjectCreation);
        });
    }

    private static void Check(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, OptimizerKind> optimizers)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !optimizers.TryGetValue(type, out var kind))
        {
            return;
        }

        // The default value is the optimizer's own and always in range; only a rate the user wrote counts.
        var argument = creation.Arguments.FirstOrDefault(static a => a.Parameter?.Name == "learningRate" && a.ArgumentKind == ArgumentKind.Explicit);
        if (argument?.Value.ConstantValue is not { HasValue: true, Value: { } value })
        {
            return;
        }

        var rate = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
        var limit = OptimizerHyperparameters.UsualLearningRateLimit(kind);
        if (rate > 10 * limit && !double.IsInfinity(rate))
        {
            context.ReportDiagnostic(Diagnostic.Create(
                s_rule,
                argument.Value.Syntax.GetLocation(),
                Format.Number(rate),
                kind.ToString(),
                Format.Number(limit)));
        }
    }
}
