using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// The value of each local of one operation block that is written exactly once, collected while the
/// block's operations are visited: the analyzers over user code follow a value through locals
/// (<c>var validation = series.Slice(0, 40); validation.Windows(52)</c>) only when no other write can
/// change it, so they stay silent when unsure.
/// </summary>
internal sealed class LocalValues
{
    private readonly object _gate = new();
    private readonly Dictionary<ILocalSymbol, IOperation?> _values = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ILocalSymbol, Deconstructed> _deconstructed = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ILocalSymbol> _rewritten = new(SymbolEqualityComparer.Default);

    /// <summary>Records the writes a local reference or declarator makes; register it for <see cref="Kinds"/>.</summary>
    public void Visit(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Write(declarator.Symbol, initializer.Value);
                break;
            case ILocalReferenceOperation { Parent: ITupleOperation tuple } reference when DeconstructionOf(tuple) is { } assignment:
                Write(reference.Local, null, new Deconstructed(assignment, tuple.Elements.IndexOf(reference)));
                break;
            case ILocalReferenceOperation reference when WrittenValue(reference, out var value):
                Write(reference.Local, value);
                break;
        }
    }

    /// <summary>The operation kinds <see cref="Visit"/> reads.</summary>
    public static readonly OperationKind[] Kinds = { OperationKind.VariableDeclarator, OperationKind.LocalReference };

    /// <summary>The value <paramref name="operation"/> stands for: through conversions and locals written once.</summary>
    public IOperation Resolve(IOperation operation)
    {
        for (var depth = 0; depth < 32; depth++)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                case ILocalReferenceOperation reference when ValueOf(reference.Local) is { } value:
                    operation = value;
                    continue;
                case ILocalReferenceOperation reference
                    when DeconstructionOf(reference.Local) is { } deconstructed
                    && Resolve(deconstructed.Assignment.Value) is ITupleOperation tuple && deconstructed.Index < tuple.Elements.Length:
                    // var (x, y) = (a, b): x is a.
                    operation = tuple.Elements[deconstructed.Index];
                    continue;
            }

            break;
        }

        return operation;
    }

    /// <summary>
    /// The deconstruction that wrote <paramref name="local"/>, its only write, and the local's position in it:
    /// <c>var (xTrain, xTest, yTrain, yTest) = split</c> gives <c>xTest</c> element 1 of <c>split</c>.
    /// </summary>
    public Deconstructed? DeconstructionOf(ILocalSymbol local)
    {
        lock (_gate)
        {
            return _deconstructed.TryGetValue(local, out var deconstructed) ? deconstructed : null;
        }
    }

    /// <summary>Whether <paramref name="local"/> is written exactly once (whatever the value), so every read sees the same value.</summary>
    public bool IsWrittenOnce(ILocalSymbol local)
    {
        lock (_gate)
        {
            return _values.ContainsKey(local) && !_rewritten.Contains(local);
        }
    }

    private IOperation? ValueOf(ILocalSymbol local)
    {
        lock (_gate)
        {
            return _values.TryGetValue(local, out var value) ? value : null;
        }
    }

    private void Write(ILocalSymbol local, IOperation? value, Deconstructed? deconstructed = null)
    {
        lock (_gate)
        {
            // A second write (or one whose value is unknown) leaves the local unknown.
            var first = !_values.ContainsKey(local);
            if (!first)
            {
                _rewritten.Add(local);
            }

            _values[local] = first ? value : null;
            if (first && deconstructed is not null)
            {
                _deconstructed[local] = deconstructed;
            }
            else
            {
                _deconstructed.Remove(local);
            }
        }
    }

    /// <summary>Whether <paramref name="tuple"/> is (inside) the target of a deconstruction or of a deconstructing foreach.</summary>
    private static bool IsWrittenTuple(ITupleOperation tuple)
    {
        IOperation current = tuple;
        while (current.Parent is ITupleOperation or IDeclarationExpressionOperation)
        {
            current = current.Parent;
        }

        return current.Parent switch
        {
            IDeconstructionAssignmentOperation assignment => assignment.Target == current,
            IForEachLoopOperation => true,
            _ => false,
        };
    }

    /// <summary>The deconstruction a flat tuple of locals is the target of: <c>var (a, b) = ...</c> or <c>(a, b) = ...</c>.</summary>
    private static IDeconstructionAssignmentOperation? DeconstructionOf(ITupleOperation tuple) => tuple.Parent switch
    {
        IDeconstructionAssignmentOperation assignment when assignment.Target == tuple => assignment,
        IDeclarationExpressionOperation { Parent: IDeconstructionAssignmentOperation assignment } declaration when assignment.Target == declaration => assignment,
        _ => null,
    };

    /// <summary>Whether <paramref name="reference"/> is written to, and the value when it is a plain assignment.</summary>
    private static bool WrittenValue(ILocalReferenceOperation reference, out IOperation? value)
    {
        value = null;
        if (reference.IsDeclaration)
        {
            return true;
        }

        switch (reference.Parent)
        {
            case ISimpleAssignmentOperation assignment when assignment.Target == reference:
                value = assignment.Value;
                return true;
            case IAssignmentOperation assignment when assignment.Target == reference:
            case IIncrementOrDecrementOperation:
            case IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                return true;
            case ITupleOperation tuple:
                // A local read inside a tuple, (xTest, yTest), is not written; one in a deconstruction's target is.
                return IsWrittenTuple(tuple);
            default:
                return false;
        }
    }
}

/// <summary>A local written by a deconstruction: the assignment and the local's position in its target.</summary>
internal sealed record Deconstructed(IDeconstructionAssignmentOperation Assignment, int Index);
