using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0310: the training data given to <c>Fit</c> (its <c>x</c> or its batches) is the test split: it comes from
/// a data set's test part (<c>data.Test</c>, a chronological split's <c>Test</c>, a test file or folder), or it
/// is the held-out side of a split that the final <c>Evaluate</c> of the same network measures. Usually a
/// copy-paste slip, and the test score it leaves is a training score.
/// </summary>
/// <remarks>
/// The held-out side of <c>DataSplit.TrainTestSplit</c> alone is silent: fine-tuning on a validation part
/// carved from the data is legitimate, and only the final <c>Evaluate</c> shows that it is the test split.
/// </remarks>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainingOnTestAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.TrainedOnTestData);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

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
            if (PracticeBlocks.Data(fit) is not { } data || PracticeBlocks.Network(fit) is not { } network)
            {
                continue;
            }

            var origin = origins.OriginOf(data);
            var written = data.Syntax.ToString();
            var networkText = network.Syntax.ToString();
            if (origin.Role == DataRole.Test)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rule, data.Syntax.GetLocation(), networkText, written, $"comes from the test split '{origin.Text}'"));
            }
            else if (origin.Role == DataRole.HeldOut && FinalEvaluateOf(types, origins, calls, fit, data) is { } final)
            {
                context.ReportDiagnostic(Diagnostic.Create(s_rule, data.Syntax.GetLocation(), new[] { final.Syntax.GetLocation() }, networkText, written, $"is also passed to the final Evaluate of '{networkText}'"));
            }
        }
    }

    /// <summary>The final <c>Evaluate</c> of the same network after <paramref name="fit"/>, when it measures the same data; or null.</summary>
    private static IInvocationOperation? FinalEvaluateOf(DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls, IInvocationOperation fit, IOperation data) =>
        origins.KeyOf(data) is { } key
        && PracticeBlocks.FinalEvaluate(types, origins, calls, fit) is { } final
        && PracticeBlocks.Data(final) is { } measured && origins.KeyOf(measured) == key
            ? final
            : null;
}
