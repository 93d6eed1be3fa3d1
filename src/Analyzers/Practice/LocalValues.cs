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

    /// <summary>Records the writes a local reference or declarator makes; register it for <see cref="Kinds"/>.</summary>
    public void Visit(IOperation operation)
    {
        switch (operation)
        {
            case IVariableDeclaratorOperation { Initializer: { } initializer } declarator:
                Write(declarator.Symbol, initializer.Value);
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
            }

            break;
        }

        return operation;
    }

    private IOperation? ValueOf(ILocalSymbol local)
    {
        lock (_gate)
        {
            return _values.TryGetValue(local, out var value) ? value : null;
        }
    }

    private void Write(ILocalSymbol local, IOperation? value)
    {
        lock (_gate)
        {
            // A second write (or one whose value is unknown) leaves the local unknown.
            _values[local] = _values.ContainsKey(local) ? null : value;
        }
    }

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
            case ITupleOperation:
                return true;
            default:
                return false;
        }
    }
}
