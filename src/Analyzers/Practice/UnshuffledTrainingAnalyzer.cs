using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0307: <c>Fit(..., shuffle: false)</c> on samples known to be independent of their order: a part of
/// Fashion-MNIST or CIFAR-10, or the training side of a shuffled <c>TrainTestSplit</c> (whoever shuffled the
/// split treats the rows as exchangeable). Time-series data trains on windows (<c>Fit(batches)</c>, which has no
/// such switch) or on a chronological split (<c>shuffle: false</c> there), and any other data may be ordered on
/// purpose, so they stay silent.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnshuffledTrainingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.ShufflingTurnedOff);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        PracticeBlocks.Register(context, static (types, call) => types.IsFit(call.TargetMethod) && IsFalse(DataOrigins.Argument(call, "shuffle")), Check);
    }

    private static void Check(OperationBlockAnalysisContext context, DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls)
    {
        foreach (var call in calls)
        {
            if (DataOrigins.Argument(call, "x") is { } data
                && Independent(types, origins, data) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_rule,
                    DataOrigins.Argument(call, "shuffle")!.Syntax.GetLocation(),
                    data.Syntax.ToString(),
                    reason));
            }
        }
    }

    /// <summary>Why the samples of <paramref name="data"/> are independent of their order, or null when that is not certain.</summary>
    private static string? Independent(DataTypes types, DataOrigins origins, IOperation data)
    {
        var origin = origins.OriginOf(data);
        if (origin.Role is DataRole.Unknown || origins.OwnerOf(origin) is not { } owner)
        {
            return null;
        }

        if (DataTypes.Is(owner.Type, types.FashionMnistData) || DataTypes.Is(owner.Type, types.Cifar10Data))
        {
            return $"images of '{origin.Text}'";
        }

        return owner is IInvocationOperation split
            && DataTypes.Is(split.TargetMethod.ContainingType, types.DataSplit)
            && split.TargetMethod.Name == "TrainTestSplit"
            && !IsFalse(DataOrigins.Argument(split, "shuffle"))
            ? $"rows of the shuffled split '{origin.Text}'"
            : null;
    }

    private static bool IsFalse(IOperation? value) => value?.ConstantValue is { HasValue: true, Value: false };
}
