using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// Shuffling where the order of the samples does or does not matter.
/// NG0307: <c>Fit(..., shuffle: false)</c> on samples known to be independent of their order: a part of
/// Fashion-MNIST or CIFAR-10, or a side of a shuffled <c>TrainTestSplit</c> (whoever shuffled the split treats
/// the rows as exchangeable). Time-series data trains on windows (<c>Fit(batches)</c>, which has no such switch)
/// or on a chronological split (<c>shuffle: false</c> there), and any other data may be ordered on purpose, so
/// they stay silent.
/// NG0309: the opposite, a <c>TrainTestSplit</c> that shuffles (its default) the rows of a time series
/// (<c>TimeSeries.ToTensor()</c>, through locals and tensor views). The runtime's windows cannot be split at random
/// (<c>TimeseriesWindows</c> has no split; <c>ChronologicalSplit</c> splits the series before windowing), so a split
/// of the series' own rows is where this mistake can be seen.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ShufflingAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_turnedOff = DiagnosticDescriptors.For(ProblemKind.ShufflingTurnedOff);
    private static readonly DiagnosticDescriptor s_timeSeriesShuffled = DiagnosticDescriptors.For(ProblemKind.TimeSeriesSplitShuffled);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_turnedOff, s_timeSeriesShuffled);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        PracticeBlocks.Register(
            context,
            static (types, call) => (types.IsFit(call.TargetMethod) && IsFalse(DataOrigins.Argument(call, "shuffle"))) || IsShuffledSplit(types, call),
            Check);
    }

    private static void Check(OperationBlockAnalysisContext context, DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls)
    {
        foreach (var call in calls)
        {
            if (IsShuffledSplit(types, call))
            {
                if (DataOrigins.Argument(call, "x") is { } rows && IsTimeSeries(types, origins, rows))
                {
                    context.ReportDiagnostic(Diagnostic.Create(s_timeSeriesShuffled, rows.Syntax.GetLocation(), rows.Syntax.ToString()));
                }
            }
            else if (DataOrigins.Argument(call, "x") is { } data && Independent(types, origins, data) is { } reason)
            {
                context.ReportDiagnostic(Diagnostic.Create(
                    s_turnedOff,
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

        return owner is IInvocationOperation split && IsShuffledSplit(types, split)
            ? $"rows of the shuffled split '{origin.Text}'"
            : null;
    }

    /// <summary>Whether <paramref name="call"/> is <c>DataSplit.TrainTestSplit</c> without <c>shuffle: false</c>.</summary>
    private static bool IsShuffledSplit(DataTypes types, IInvocationOperation call) =>
        call.TargetMethod.Name == "TrainTestSplit"
        && DataTypes.Is(call.TargetMethod.ContainingType, types.DataSplit)
        && !IsFalse(DataOrigins.Argument(call, "shuffle"));

    /// <summary>Whether <paramref name="rows"/> is certainly the steps of a time series (<c>series.ToTensor()</c>).</summary>
    private static bool IsTimeSeries(DataTypes types, DataOrigins origins, IOperation rows) =>
        origins.Underlying(rows) is IInvocationOperation { TargetMethod.Name: "ToTensor" } conversion
        && DataTypes.Is(conversion.TargetMethod.ContainingType, types.TimeSeries);

    private static bool IsFalse(IOperation? value) => value?.ConstantValue is { HasValue: true, Value: false };
}
