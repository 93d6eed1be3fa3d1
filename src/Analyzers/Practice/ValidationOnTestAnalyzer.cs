using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0301: the validation data given to <c>Fit</c> is the test split: it comes from a data set's test part
/// (<c>data.Test</c>, a time-series split's <c>Test</c>, a test file or folder), or it is the data the final
/// <c>Evaluate</c> of the same network measures. NG0302 (an error) when a callback also keeps the weights of
/// the best validation epoch, so the test data both chooses the model and reports its score.
/// </summary>
/// <remarks>
/// The held-out side of <c>DataSplit.TrainTestSplit</c> is reported only through the final <c>Evaluate</c>:
/// on its own it is as often a validation split carved from the data as a test split.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ValidationOnTestAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_validation = DiagnosticDescriptors.For(ProblemKind.ValidationOnTestData);
    private static readonly DiagnosticDescriptor s_selection = DiagnosticDescriptors.For(ProblemKind.ModelSelectedOnTestData);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_validation, s_selection);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        PracticeBlocks.Register(context, static (types, call) => types.IsFit(call.TargetMethod) || types.IsEvaluate(call.TargetMethod), Check);
    }

    private static void Check(OperationBlockAnalysisContext context, DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls)
    {
        foreach (var fit in calls.Where(call => types.IsFit(call.TargetMethod)))
        {
            if (DataOrigins.Argument(fit, "validationData") is not { } validation)
            {
                continue;
            }

            var features = origins.Features(validation);
            var origin = origins.OriginOf(features);
            var key = origins.KeyOf(features);
            var final = PracticeBlocks.FinalEvaluate(types, origins, calls, fit);
            var evaluated = final is not null && key is not null && origin.Role is not (DataRole.Validation or DataRole.Training)
                && PracticeBlocks.Data(final) is { } measured && origins.KeyOf(origins.Features(measured)) == key;

            var written = validation.Syntax.ToString();
            var networkText = PracticeBlocks.Network(fit)?.Syntax.ToString() ?? string.Empty;
            if (evaluated && ModelSelection.SelectingCallback(types, origins, DataOrigins.Argument(fit, "callbacks")) is { } selector)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_selection, validation.Syntax.GetLocation(), new[] { final!.Syntax.GetLocation() }, written, selector, networkText));
            }
            else if (evaluated)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_validation, validation.Syntax.GetLocation(), new[] { final!.Syntax.GetLocation() }, written, $"is also passed to the final Evaluate of '{networkText}'"));
            }
            else if (origin.Role == DataRole.Test)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_validation, validation.Syntax.GetLocation(), written, $"comes from the test split '{origin.Text}'"));
            }
        }
    }
}
