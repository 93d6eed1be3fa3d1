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
/// and one written in code are judged alike. A <c>LearningRateScheduler</c> whose function returns a constant rate
/// is judged against the highest limit of all (its optimizer is not known where it is created). A rate that is not
/// a compile-time constant stays silent.
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

            var scheduler = start.Compilation.GetTypeByMetadataName("NetGen.Callbacks.LearningRateScheduler");
            start.RegisterOperationAction(operation => Check(operation, optimizers, scheduler), OperationKind.ObjectCreation);
        });
    }

    private static void Check(OperationAnalysisContext context, Dictionary<INamedTypeSymbol, OptimizerKind> optimizers, INamedTypeSymbol? scheduler)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (DataTypes.Is(creation.Type, scheduler))
        {
            CheckSchedule(context, creation, optimizers.Values);
            return;
        }

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

    /// <summary>The constant rates a scheduler's lambda returns, against the highest usual limit of any optimizer.</summary>
    private static void CheckSchedule(OperationAnalysisContext context, IObjectCreationOperation creation, IEnumerable<OptimizerKind> kinds)
    {
        var schedule = creation.Arguments.FirstOrDefault(static a => a.Parameter?.Name == "schedule")?.Value;
        if (schedule is not IDelegateCreationOperation { Target: IAnonymousFunctionOperation function })
        {
            return;
        }

        var limit = kinds.Max(OptimizerHyperparameters.UsualLearningRateLimit);
        foreach (var returned in function.Body.Descendants().OfType<IReturnOperation>())
        {
            // A return inside a nested lambda belongs to that lambda.
            if (returned.ReturnedValue is null || !IsOwnReturn(returned, function))
            {
                continue;
            }

            foreach (var value in Branches(returned.ReturnedValue))
            {
                if (value.ConstantValue is { HasValue: true, Value: { } constant }
                    && Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture) is var rate
                    && rate > 10 * limit && !double.IsInfinity(rate))
                {
                    context.ReportDiagnostic(Diagnostic.Create(s_rule, value.Syntax.GetLocation(), Format.Number(rate), "any optimizer", Format.Number(limit)));
                }
            }
        }
    }

    private static bool IsOwnReturn(IOperation operation, IAnonymousFunctionOperation function)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            if (current is IAnonymousFunctionOperation enclosing)
            {
                return enclosing == function;
            }
        }

        return false;
    }

    /// <summary>The values a returned expression may take: both sides of a conditional, through conversions.</summary>
    private static IEnumerable<IOperation> Branches(IOperation value)
    {
        value = DataOrigins.Unwrap(value);
        if (value is IConditionalOperation { WhenFalse: { } whenFalse } conditional)
        {
            return Branches(conditional.WhenTrue).Concat(Branches(whenFalse));
        }

        return new[] { value };
    }
}
