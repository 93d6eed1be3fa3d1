using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0308: augmented batches (an image folder's <c>Training(..., augmentation)</c>) passed as <c>Fit</c>'s
/// validation data or to <c>Evaluate</c>. The runtime never augments a folder's <c>Validation()</c> or
/// <c>All()</c> batches, so this is the one way augmentation reaches data that measures the network; the
/// batches are followed through locals written once.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class AugmentedEvaluationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.AugmentedDataMeasured);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        PracticeBlocks.Register(context, static (types, call) => types.ImageFolder is not null && (types.IsFit(call.TargetMethod) || types.IsEvaluate(call.TargetMethod)), Check);
    }

    private static void Check(OperationBlockAnalysisContext context, DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls)
    {
        foreach (var call in calls)
        {
            var (data, use) = types.IsFit(call.TargetMethod)
                ? (DataOrigins.Argument(call, "validationData"), "Fit's validation data")
                : (DataOrigins.Argument(call, "batches"), "measured by Evaluate");
            if (data is not null && Augmentation(types, origins, data) is { } augmentation)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rule, data.Syntax.GetLocation(), data.Syntax.ToString(), augmentation.Syntax.ToString(), use));
            }
        }
    }

    /// <summary>The augmentation <paramref name="data"/> is made with, or null when it is not known to be augmented.</summary>
    private static IOperation? Augmentation(DataTypes types, DataOrigins origins, IOperation data) =>
        DataOrigins.Unwrap(origins.Resolve(data)) is IInvocationOperation { TargetMethod.Name: "Training" } training
        && DataTypes.Is(training.TargetMethod.ContainingType, types.ImageFolder)
        && DataOrigins.Argument(training, "augmentation") is { } augmentation
        && DataOrigins.Unwrap(augmentation).ConstantValue is not { HasValue: true, Value: null }
            ? augmentation
            : null;
}
