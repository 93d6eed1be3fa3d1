using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Model;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// NG0126: time-series windows cut from a span whose size the code fixes, with a window (and its
/// target) that does not fit in it: <c>series.Slice(0, 40).Windows(52)</c>, or the validation span of
/// a split of such a span. <c>TimeseriesWindows</c> throws at run time; this says so where the window
/// length is written. Only constants count: a span whose size depends on data (a loaded series, a
/// split of one) is left to the run-time check.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TimeSeriesWindowAnalyzer : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor s_rule = DiagnosticDescriptors.For(ProblemKind.WindowLongerThanSpan);

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(s_rule);

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName("NetGen.Data.TimeSeries") is not { } series
                || start.Compilation.GetTypeByMetadataName("NetGen.Data.TimeseriesWindows") is not { } windows)
            {
                return;
            }

            var types = new SeriesTypes(
                series,
                windows,
                start.Compilation.GetTypeByMetadataName("NetGen.Data.TimeSeriesSplit"),
                start.Compilation.GetTypeByMetadataName("NetGen.Data.ChronologicalSplit"));
            start.RegisterOperationBlockStartAction(block =>
            {
                var locals = new LocalValues();
                var cuts = new ConcurrentQueue<IOperation>();
                block.RegisterOperationAction(operation => locals.Visit(operation.Operation), LocalValues.Kinds);
                block.RegisterOperationAction(operation => cuts.Enqueue(operation.Operation), OperationKind.Invocation, OperationKind.ObjectCreation);
                block.RegisterOperationBlockEndAction(end =>
                {
                    foreach (var cut in cuts)
                    {
                        Check(end, types, locals, cut);
                    }
                });
            });
        });
    }

    private static void Check(OperationBlockAnalysisContext context, SeriesTypes types, LocalValues locals, IOperation operation)
    {
        // series.Windows(length, ...) or new TimeseriesWindows(series, length, ...).
        IOperation? span;
        ImmutableArray<IArgumentOperation> arguments;
        switch (operation)
        {
            case IInvocationOperation { TargetMethod.Name: "Windows", Instance: { } instance } invocation
                when KnownTypes(invocation.TargetMethod.ContainingType, types.Series):
                span = instance;
                arguments = invocation.Arguments;
                break;
            case IObjectCreationOperation creation when KnownTypes(creation.Type, types.Windows):
                span = Argument(creation.Arguments, "series")?.Value;
                arguments = creation.Arguments;
                break;
            default:
                return;
        }

        var lengthArgument = Argument(arguments, "length");
        if (span is null || lengthArgument is null
            || Constant(lengthArgument.Value) is not { } length
            || Constant(Argument(arguments, "samplingRate")?.Value) is not { } samplingRate
            || Constant(Argument(arguments, "horizon")?.Value) is not { } horizon
            || length < 1 || samplingRate < 1 || horizon < 1)
        {
            return;
        }

        if (Steps(types, locals, span) is not { } steps)
        {
            return;
        }

        // As TimeseriesWindows counts: the window's values and the target after them.
        var needed = ((long)(length - 1) * samplingRate) + horizon + 1;
        if (steps.Count >= needed)
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            s_rule,
            lengthArgument.Value.Syntax.GetLocation(),
            length.ToString(CultureInfo.InvariantCulture),
            needed.ToString(CultureInfo.InvariantCulture),
            "'" + span.Syntax + "'",
            (steps.AtMost ? "at most " : string.Empty) + steps.Count.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>The steps of the span <paramref name="operation"/> stands for, when the code fixes them; null otherwise.</summary>
    private static SpanSteps? Steps(SeriesTypes types, LocalValues locals, IOperation operation, int depth = 0)
    {
        operation = locals.Resolve(operation);
        if (depth > 16)
        {
            return null;
        }

        switch (operation)
        {
            case IInvocationOperation invocation when KnownTypes(invocation.TargetMethod.ContainingType, types.Series):
                switch (invocation.TargetMethod.Name)
                {
                    case "Slice" when Constant(Argument(invocation.Arguments, "length")?.Value) is { } length:
                        return new SpanSteps(length, AtMost: false);
                    case "Last" when Constant(Argument(invocation.Arguments, "length")?.Value) is { } last:
                        // Fewer when the series is shorter.
                        return new SpanSteps(last, AtMost: true);
                    case "Interpolate" or "Transform" or "InverseTransform" when invocation.Instance is { } instance:
                        return Steps(types, locals, instance, depth + 1);
                    default:
                        return null;
                }

            case IPropertyReferenceOperation { Property.Name: "Training" or "Validation" or "Test" } property
                when KnownTypes(property.Property.ContainingType, types.Split) && property.Instance is { } split:
                return SplitSpan(types, locals, split, property.Property.Name, depth + 1);

            default:
                return null;
        }
    }

    /// <summary>One span of a <c>ChronologicalSplit.ByFraction</c> of a span of fixed size, computed as the split computes it.</summary>
    private static SpanSteps? SplitSpan(SeriesTypes types, LocalValues locals, IOperation split, string part, int depth)
    {
        split = locals.Resolve(split);
        while (split is IInvocationOperation { TargetMethod.Name: "Scale", Instance: { } scaled } scale && KnownTypes(scale.TargetMethod.ContainingType, types.Split))
        {
            // Scaling keeps every span's steps.
            split = locals.Resolve(scaled);
        }

        if (split is not IInvocationOperation { TargetMethod.Name: "ByFraction" } byFraction || !KnownTypes(byFraction.TargetMethod.ContainingType, types.ChronologicalSplit)
            || Argument(byFraction.Arguments, "series")?.Value is not { } series
            || Fraction(Argument(byFraction.Arguments, "validationFraction")?.Value) is not { } validationFraction
            || Fraction(Argument(byFraction.Arguments, "testFraction")?.Value) is not { } testFraction
            || Steps(types, locals, series, depth + 1) is not { AtMost: false } whole)
        {
            return null;
        }

        var test = (int)Math.Ceiling(testFraction * whole.Count);
        var validation = (int)Math.Ceiling(validationFraction * whole.Count);
        if (test + validation >= whole.Count)
        {
            // The split itself throws at run time.
            return null;
        }

        return new SpanSteps(part switch { "Training" => whole.Count - test - validation, "Validation" => validation, _ => test }, AtMost: false);
    }

    private static IArgumentOperation? Argument(ImmutableArray<IArgumentOperation> arguments, string name) =>
        arguments.FirstOrDefault(argument => argument.Parameter?.Name == name);

    private static int? Constant(IOperation? value) =>
        value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is int number ? number : null;

    private static double? Fraction(IOperation? value) =>
        value is not null && value.ConstantValue.HasValue && value.ConstantValue.Value is double or float or int
            ? Convert.ToDouble(value.ConstantValue.Value, CultureInfo.InvariantCulture)
            : null;

    private static bool KnownTypes(ITypeSymbol? type, ITypeSymbol? expected) => NetGen.Parsing.KnownTypes.Is(type, expected);

    /// <summary>The runtime's time-series types in this compilation.</summary>
    private sealed record SeriesTypes(INamedTypeSymbol Series, INamedTypeSymbol Windows, INamedTypeSymbol? Split, INamedTypeSymbol? ChronologicalSplit);

    /// <summary>A span's steps, or an upper bound of them (<c>Last(n)</c> of a shorter series has fewer).</summary>
    private readonly record struct SpanSteps(int Count, bool AtMost);
}
