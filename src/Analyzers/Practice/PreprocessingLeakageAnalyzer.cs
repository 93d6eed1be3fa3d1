using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0303 (an error): a scaler, or any transform with a <c>Fit</c>/<c>FitTransform</c> method, fitted on
/// test data. NG0304: one fitted on data that a split of the same method divides afterwards
/// (<c>scaler.Fit(table.Features)</c> and then <c>DataSplit.TrainTestSplit(table.Features, ...)</c>), so
/// the test rows' statistics shape the training data.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PreprocessingLeakageAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_onTest = DiagnosticDescriptors.For(ProblemKind.TransformFittedOnTestData);
    private static readonly DiagnosticDescriptor s_beforeSplit = DiagnosticDescriptors.For(ProblemKind.TransformFittedBeforeSplit);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_onTest, s_beforeSplit);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        PracticeBlocks.Register(context, static (types, call) => IsTransformFit(types, call) || IsSplit(types, call), Check);
    }

    /// <summary>A transform's <c>Fit</c> or <c>FitTransform</c>, not a network's.</summary>
    private static bool IsTransformFit(DataTypes types, IInvocationOperation call) =>
        call.TargetMethod.Name is "Fit" or "FitTransform" && !types.IsFit(call.TargetMethod) && FittedData(call) is not null;

    private static bool IsSplit(DataTypes types, IInvocationOperation call) =>
        (DataTypes.Is(call.TargetMethod.ContainingType, types.DataSplit) && call.TargetMethod.Name == "TrainTestSplit")
        || DataTypes.Is(call.TargetMethod.ContainingType, types.ChronologicalSplit);

    /// <summary>The data a transform is fitted on: the method's first parameter (after <c>this</c> for an extension).</summary>
    private static IArgumentOperation? FittedData(IInvocationOperation call)
    {
        var ordinal = call.TargetMethod.IsExtensionMethod ? 1 : 0;
        return call.Arguments.FirstOrDefault(argument => argument.Parameter?.Ordinal == ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue);
    }

    private static void Check(OperationBlockAnalysisContext context, DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls)
    {
        var splits = calls.Where(call => IsSplit(types, call)).ToList();
        foreach (var fit in calls.Where(call => IsTransformFit(types, call)))
        {
            var data = FittedData(fit)!.Value;
            var transform = fit.Instance?.Syntax.ToString() ?? fit.TargetMethod.ContainingType.Name + "." + fit.TargetMethod.Name;
            var written = data.Syntax.ToString();
            var origin = origins.OriginOf(data);
            if (origin.Role is DataRole.Test or DataRole.HeldOut)
            {
                var shown = origin.Text == written ? string.Empty : $" (from '{origin.Text}')";
                context.ReportDiagnostic(Diagnostic.Create(s_onTest, data.Syntax.GetLocation(), transform, written, shown));
                continue;
            }

            if (origins.KeyOf(data) is not { } key)
            {
                continue;
            }

            var split = splits.FirstOrDefault(split => split.Syntax.SpanStart > fit.Syntax.SpanStart && Splits(origins, split, fit, key));
            if (split is not null)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_beforeSplit,
                    data.Syntax.GetLocation(),
                    new[] { split.Syntax.GetLocation() },
                    transform,
                    written,
                    split.TargetMethod.ContainingType.Name + "." + split.TargetMethod.Name));
            }
        }
    }

    /// <summary>
    /// Whether <paramref name="split"/> divides the data <paramref name="fit"/> was fitted on: the same data,
    /// the result of that <c>FitTransform</c>, or the same data through the same transform.
    /// </summary>
    private static bool Splits(DataOrigins origins, IInvocationOperation split, IInvocationOperation fit, string key)
    {
        var divided = split.Arguments.FirstOrDefault(static argument => argument.Parameter?.Ordinal == 0)?.Value;
        if (divided is null)
        {
            return false;
        }

        if (origins.KeyOf(divided) == key)
        {
            return true;
        }

        var value = DataOrigins.Unwrap(origins.Resolve(divided));
        if (value.Syntax == fit.Syntax)
        {
            return true;
        }

        return value is IInvocationOperation { TargetMethod.Name: "Transform" or "FitTransform", Instance: { } instance } transformed
            && fit.Instance is { } fitted
            && origins.KeyOf(instance) is { } transform && transform == origins.KeyOf(fitted)
            && FittedData(transformed) is { } argument && origins.KeyOf(argument.Value) == key;
    }
}
