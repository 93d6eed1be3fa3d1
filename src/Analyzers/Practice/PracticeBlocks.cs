using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// What the practice rules (NG03xx) share: the runtime's types resolved once per compilation, then one
/// method at a time its locals and the calls a rule reads, checked together at the block's end in source
/// order, since a rule compares calls (a <c>Fit</c> with the <c>Evaluate</c> after it).
/// </summary>
internal static class PracticeBlocks
{
    public static void Register(
        AnalysisContext context,
        Func<DataTypes, IInvocationOperation, bool> collects,
        Action<OperationBlockAnalysisContext, DataTypes, DataOrigins, IReadOnlyList<IInvocationOperation>> check)
    {
        context.RegisterCompilationStartAction(start =>
        {
            if (DataTypes.Create(start.Compilation) is not { } types)
            {
                return;
            }

            start.RegisterOperationBlockStartAction(block =>
            {
                var locals = new LocalValues();
                var calls = new ConcurrentQueue<IInvocationOperation>();
                block.RegisterOperationAction(operation => locals.Visit(operation.Operation), LocalValues.Kinds);
                block.RegisterOperationAction(
                    operation =>
                    {
                        var invocation = (IInvocationOperation)operation.Operation;
                        if (collects(types, invocation))
                        {
                            calls.Enqueue(invocation);
                        }
                    },
                    OperationKind.Invocation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    if (!calls.IsEmpty)
                    {
                        var ordered = calls.OrderBy(static call => call.Syntax.SpanStart).ToList();
                        check(end, types, new DataOrigins(types, locals), ordered);
                    }
                });
            });
        });
    }

    /// <summary>The network a runtime extension method is called on (its first argument), or null.</summary>
    public static IOperation? Network(IInvocationOperation call) =>
        call.Arguments.FirstOrDefault(static argument => argument.Parameter?.Ordinal == 0)?.Value;

    /// <summary>The features a <c>Fit</c> or <c>Evaluate</c> call reads: its <c>x</c> or its <c>batches</c>.</summary>
    public static IOperation? Data(IInvocationOperation call) =>
        DataOrigins.Argument(call, "x") ?? DataOrigins.Argument(call, "batches");

    /// <summary>The network's key, so that two calls are known to use the same network; null when unsure.</summary>
    public static string? NetworkKey(DataOrigins origins, IInvocationOperation call) =>
        Network(call) is { } network ? origins.KeyOf(network) : null;

    /// <summary>
    /// The last <c>Evaluate</c> of the same network after <paramref name="fit"/> among <paramref name="calls"/>
    /// (in source order): the score the method reports. Null when there is none or the network is unsure.
    /// </summary>
    public static IInvocationOperation? FinalEvaluate(DataTypes types, DataOrigins origins, IReadOnlyList<IInvocationOperation> calls, IInvocationOperation fit) =>
        NetworkKey(origins, fit) is { } network
            ? calls.LastOrDefault(call => types.IsEvaluate(call.TargetMethod) && call.Syntax.SpanStart > fit.Syntax.SpanStart && NetworkKey(origins, call) == network)
            : null;
}
