using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0305: the only <c>Evaluate</c> of a network in a method measures its training data (a data set's
/// training part, the training side of a split, or the data the same method passes to its <c>Fit</c>), so
/// the score reported is how well it fits. Evaluating the training data beside other data, to compare
/// the two, is silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TrainingDataEvaluationAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.EvaluatedOnTrainingData);

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
        var evaluations = calls.Where(call => types.IsEvaluate(call.TargetMethod))
            .Select(call => (Call: call, Network: PracticeBlocks.NetworkKey(origins, call)))
            .Where(static evaluation => evaluation.Network is not null)
            .GroupBy(static evaluation => evaluation.Network!);
        foreach (var network in evaluations)
        {
            // A second Evaluate of the same network (on test data, or anything unknown) makes this a comparison.
            if (network.Count() != 1 || PracticeBlocks.Data(network.Single().Call) is not { } data)
            {
                continue;
            }

            var evaluation = network.Single().Call;
            if (Training(types, origins, calls, network.Key, evaluation, data) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_rule,
                    data.Syntax.GetLocation(),
                    PracticeBlocks.Network(evaluation)!.Syntax.ToString(),
                    data.Syntax.ToString(),
                    reason));
            }
        }
    }

    /// <summary>Why <paramref name="data"/> is the training data, or null when it is not known to be.</summary>
    private static string? Training(DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls, string network, IInvocationOperation evaluation, IOperation data)
    {
        var origin = origins.OriginOf(data);
        if (origin.Role == DataRole.Training)
        {
            return origin.Text == data.Syntax.ToString() ? "the training split" : $"the training split '{origin.Text}'";
        }

        if (origin.Role != DataRole.Unknown || origins.KeyOf(data) is not { } key)
        {
            return null;
        }

        var trained = calls.Any(call => types.IsFit(call.TargetMethod)
            && call.Syntax.SpanStart < evaluation.Syntax.SpanStart
            && PracticeBlocks.NetworkKey(origins, call) == network
            && PracticeBlocks.Data(call) is { } fitted && origins.KeyOf(fitted) == key);
        return trained ? "the data it is trained on in Fit" : null;
    }
}
