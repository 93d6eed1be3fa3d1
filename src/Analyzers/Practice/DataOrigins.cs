using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// Where the data a method hands to <c>Fit</c>, <c>Evaluate</c> or a scaler comes from, followed through
/// locals written once, deconstructions, tuples, scalers' <c>Transform</c> and the runtime's data types:
/// its <see cref="DataRole"/> (and the expression that decided it), and an identity key that two
/// expressions share when they certainly denote the same data (<c>xTest</c>, <c>split.XTest</c>, a field).
/// Anything it cannot follow is <see cref="DataRole.Unknown"/> with no key, so the rules stay silent.
/// </summary>
internal sealed class DataOrigins
{
    private const int MaxDepth = 32;

    private static readonly string[] s_tensorViews = { "reshape", "view", "to", "cpu", "cuda", "float", "@float", "flatten", "unsqueeze", "squeeze", "detach", "clone", "contiguous" };

    private readonly DataTypes _types;
    private readonly LocalValues _locals;

    public DataOrigins(DataTypes types, LocalValues locals)
    {
        _types = types;
        _locals = locals;
    }

    /// <summary>The part <paramref name="operation"/> plays, with the expression that shows it.</summary>
    public Origin OriginOf(IOperation operation) => Of(operation, 0);

    /// <summary>
    /// A key two expressions share only when they denote the same data: the same local, parameter or field,
    /// or the same chain of properties on one (through locals written once with such a chain); null otherwise.
    /// </summary>
    public string? KeyOf(IOperation operation) => Key(operation, 0);

    /// <summary>The value of <paramref name="operation"/> through conversions, parentheses and locals written once.</summary>
    public IOperation Resolve(IOperation operation) => _locals.Resolve(operation);

    /// <summary>
    /// The data set or split whose part <paramref name="origin"/> shows: the split of <c>split.XTrain</c> (also
    /// when the split is deconstructed), the data set of <c>data.Train</c>, through locals written once; or null.
    /// </summary>
    public IOperation? OwnerOf(Origin origin) => origin.Shown switch
    {
        IPropertyReferenceOperation { Instance: { } instance } => Unwrap(Resolve(instance)),
        ILocalReferenceOperation local when _locals.DeconstructionOf(local.Local) is { } deconstructed => Unwrap(Resolve(deconstructed.Assignment.Value)),
        _ => null,
    };

    /// <summary>
    /// The tensor <paramref name="operation"/> is a view, conversion or slice of (<c>x.reshape(-1, 1)</c> and
    /// <c>x[1..]</c> are <c>x</c>'s rows), through locals written once.
    /// </summary>
    public IOperation Underlying(IOperation operation)
    {
        var value = Unwrap(Resolve(operation));
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            var source = value switch
            {
                IInvocationOperation { Instance: { } instance } view
                    when DataTypes.Is(view.TargetMethod.ContainingType, _types.Tensor) && s_tensorViews.Contains(view.TargetMethod.Name, StringComparer.Ordinal) => instance,
                IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } instance } slice
                    when DataTypes.Is(slice.Property.ContainingType, _types.Tensor) => instance,
                _ => null,
            };
            if (source is null)
            {
                break;
            }

            value = Unwrap(Resolve(source));
        }

        return value;
    }

    /// <summary>The argument bound to the parameter named <paramref name="name"/>, when the code gives one.</summary>
    public static IOperation? Argument(IInvocationOperation invocation, string name) =>
        invocation.Arguments.FirstOrDefault(argument => argument.Parameter?.Name == name && argument.ArgumentKind != ArgumentKind.DefaultValue)?.Value;

    /// <summary>The first element of a validation tuple <c>(x, y)</c>, or the value itself.</summary>
    public IOperation Features(IOperation data)
    {
        var value = Unwrap(Resolve(data));
        if (value is IInvocationOperation invocation && Returned(invocation) is { } returned)
        {
            value = Unwrap(returned);
        }

        return value is ITupleOperation { Elements.Length: > 0 } tuple ? tuple.Elements[0] : data;
    }

    /// <summary>Conversions and parentheses the user did not write as data.</summary>
    public static IOperation Unwrap(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    continue;
                case IParenthesizedOperation parenthesized:
                    operation = parenthesized.Operand;
                    continue;
                default:
                    return operation;
            }
        }
    }

    private Origin Of(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return Origin.Unknown;
        }

        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local:
                if (_locals.DeconstructionOf(local.Local) is { } deconstructed
                    && DeconstructedMember(deconstructed) is { } member)
                {
                    return Member(Unwrap(deconstructed.Assignment.Value), member, operation, depth + 1);
                }

                var value = _locals.Resolve(local);
                return value == local || value is ILocalReferenceOperation { Local: var same } && SymbolEqualityComparer.Default.Equals(same, local.Local)
                    ? Origin.Unknown
                    : Of(value, depth + 1);
            case IPropertyReferenceOperation { Instance: { } instance } property:
                return Member(instance, property.Property, operation, depth + 1);
            case IInvocationOperation invocation:
                return Call(invocation, depth + 1);
            case IFieldReferenceOperation { Instance: null or IInstanceReferenceOperation } field when OnlyValue(field) is { } written:
                return Of(written, depth + 1);
            default:
                return Origin.Unknown;
        }
    }

    /// <summary>
    /// The one value a readonly field of this type is given in this file: its initializer, or the single
    /// assignment in its constructors (<c>_xTest = data.Test.Images;</c>). Null when it is given none or
    /// several, when a constructor writes it otherwise (a deconstruction, <c>ref</c>), or when a declaration
    /// or constructor is in another file. Like a simple method's return, the constructor's own parameters
    /// and locals are not followed.
    /// </summary>
    private static IOperation? OnlyValue(IFieldReferenceOperation reference)
    {
        var field = reference.Field.OriginalDefinition;
        if (!field.IsReadOnly
            || reference.SemanticModel is not { } model
            || field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var values = new List<IOperation?>();
        if (field.DeclaringSyntaxReferences[0].GetSyntax() is VariableDeclaratorSyntax { Initializer.Value: { } initial })
        {
            values.Add(model.GetOperation(initial));
        }

        var constructors = field.IsStatic ? field.ContainingType.StaticConstructors : field.ContainingType.InstanceConstructors;
        foreach (var declaration in constructors.SelectMany(static c => c.DeclaringSyntaxReferences))
        {
            if (declaration.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            foreach (var name in declaration.GetSyntax().DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText != field.Name
                    || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name).Symbol?.OriginalDefinition, field))
                {
                    continue;
                }

                var written = model.GetOperation(name.Parent is MemberAccessExpressionSyntax access && access.Name == name ? access : name);
                switch (written?.Parent)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target == written:
                        values.Add(assignment.Value);
                        break;
                    case IAssignmentOperation or IIncrementOrDecrementOperation or ITupleOperation or IArgumentOperation { Parameter.RefKind: not RefKind.None }:
                        return null;
                }
            }
        }

        return values.Count == 1 ? values[0] : null;
    }

    /// <summary>A member of a runtime data type: the training or test part of a data set or split, a table's columns.</summary>
    private Origin Member(IOperation instance, IPropertySymbol property, IOperation at, int depth)
    {
        var type = property.ContainingType;
        var name = property.Name;
        if (DataTypes.Is(type, _types.FashionMnistData) || DataTypes.Is(type, _types.Cifar10Data))
        {
            return name switch
            {
                "Train" => new Origin(DataRole.Training, at),
                "Test" => new Origin(DataRole.Test, at),
                _ => Origin.Unknown,
            };
        }

        if (DataTypes.Is(type, _types.TimeSeriesSplit))
        {
            return name switch
            {
                "Training" => new Origin(DataRole.Training, at),
                "Validation" => new Origin(DataRole.Validation, at),
                "Test" => new Origin(DataRole.Test, at),
                _ => Origin.Unknown,
            };
        }

        if (DataTypes.Is(type, _types.TrainTestData))
        {
            if (name is "XTrain" or "YTrain")
            {
                return new Origin(DataRole.Training, at);
            }

            // The held-out side is validation data when the split divides training data, and is
            // the test split of a whole data set otherwise.
            if (name is "XTest" or "YTest"
                && Unwrap(_locals.Resolve(instance)) is IInvocationOperation split
                && DataTypes.Is(split.TargetMethod.ContainingType, _types.DataSplit)
                && Argument(split, "x") is { } x)
            {
                return Of(x, depth + 1).Role switch
                {
                    DataRole.Training or DataRole.Validation => new Origin(DataRole.Validation, at),
                    DataRole.Whole => new Origin(DataRole.HeldOut, at),
                    DataRole.Test or DataRole.HeldOut => new Origin(DataRole.Test, at),
                    _ => Origin.Unknown,
                };
            }

            return Origin.Unknown;
        }

        if ((DataTypes.Is(type, _types.LabeledImages) && name is "Images" or "Labels")
            || (DataTypes.Is(type, _types.TabularData) && name is "Features" or "Labels"))
        {
            return Of(instance, depth + 1);
        }

        return Origin.Unknown;
    }

    /// <summary>A loader, a subset or a transformation of data whose part it keeps.</summary>
    private Origin Call(IInvocationOperation invocation, int depth)
    {
        var method = invocation.TargetMethod;
        var type = method.ContainingType;
        var instance = invocation.Instance;

        if (DataTypes.IsOrDerives(type, _types.Scaler) && method.Name is "Transform" or "FitTransform" or "InverseTransform" && Argument(invocation, "x") is { } scaled)
        {
            return Of(scaled, depth);
        }

        if (instance is not null
            && ((DataTypes.Is(type, _types.TimeSeries) && method.Name is "Windows" or "Transform" or "InverseTransform" or "Interpolate")
                || (DataTypes.Is(type, _types.LabeledImages) && method.Name is "SelectClasses" or "Take")
                || (DataTypes.Is(type, _types.Tensor) && s_tensorViews.Contains(method.Name, StringComparer.Ordinal))
                || (DataTypes.Is(type, _types.ImageFolder) && method.Name == "All")))
        {
            return Of(instance, depth);
        }

        if (DataTypes.Is(type, _types.ImageFolder))
        {
            return method.Name switch
            {
                "Training" => new Origin(DataRole.Training, invocation),
                "Validation" => new Origin(DataRole.Validation, invocation),
                "Open" when Argument(invocation, "root") is { } root => FromPath(root, invocation),
                _ => Origin.Unknown,
            };
        }

        if ((DataTypes.Is(type, _types.FashionMnist) || DataTypes.Is(type, _types.Cifar10)) && method.Name == "Load")
        {
            return new Origin(DataRole.Whole, invocation);
        }

        if (DataTypes.Is(type, _types.CsvLoader) && method.Name is "Load" or "LoadMatrix" && Argument(invocation, "path") is { } path)
        {
            return FromPath(path, invocation);
        }

        if (DataTypes.Is(type, _types.Cifar10) && method.Name == "LoadBatch" && Argument(invocation, "path") is { } batch
            && FromPath(batch, invocation) is { Role: DataRole.Training or DataRole.Test } named)
        {
            return named;
        }

        return Returned(invocation) is { } returned ? Of(returned, depth) : Origin.Unknown;
    }

    /// <summary>
    /// What a simple method of the same file returns: its expression body or its only <c>return</c>
    /// (<c>static (Tensor, Tensor) Held(FashionMnistData d) => (d.Test.Images, d.Test.Labels)</c>). Its
    /// parameters and locals are not followed (they are not this method's), and a method in another file
    /// is not read, so such values stay unknown.
    /// </summary>
    private static IOperation? Returned(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod.OriginalDefinition;
        if (method.DeclaringSyntaxReferences.Length != 1 || invocation.SemanticModel is not { } model)
        {
            return null;
        }

        var reference = method.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        var expression = reference.GetSyntax() switch
        {
            MethodDeclarationSyntax { ExpressionBody: { } arrow } => arrow.Expression,
            MethodDeclarationSyntax { Body.Statements: { Count: 1 } statements } when statements[0] is ReturnStatementSyntax { Expression: { } returned } => returned,
            _ => null,
        };
        return expression is null ? null : model.GetOperation(expression);
    }

    /// <summary>
    /// A file or folder by its name: "test" (or MNIST's "t10k") is a test set, "train" a training set; any
    /// other name, or a path only known at run time, is a whole data set.
    /// </summary>
    private static Origin FromPath(IOperation path, IOperation at)
    {
        if (Unwrap(path).ConstantValue is not { HasValue: true, Value: string text })
        {
            return new Origin(DataRole.Whole, at);
        }

        var name = text.TrimEnd('/', '\\');
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        name = name.Substring(slash + 1).ToUpperInvariant();
        if (name.Contains("TEST") || name.StartsWith("T10K", StringComparison.Ordinal))
        {
            return new Origin(DataRole.Test, at);
        }

        return name.Contains("TRAIN") ? new Origin(DataRole.Training, at) : new Origin(DataRole.Whole, at);
    }

    /// <summary>The property a deconstructed local stands for: the record's property named as its <c>Deconstruct</c> parameter.</summary>
    private static IPropertySymbol? DeconstructedMember(Deconstructed deconstructed)
    {
        if (deconstructed.Index < 0
            || deconstructed.Assignment.Syntax is not AssignmentExpressionSyntax syntax
            || deconstructed.Assignment.SemanticModel is not { } model)
        {
            return null;
        }

        var method = model.GetDeconstructionInfo(syntax).Method;
        if (method is null || method.IsExtensionMethod || deconstructed.Index >= method.Parameters.Length)
        {
            return null;
        }

        var parameter = method.Parameters[deconstructed.Index];
        return method.ContainingType.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(p => string.Equals(p.Name, parameter.Name, StringComparison.OrdinalIgnoreCase));
    }

    private string? Key(IOperation operation, int depth)
    {
        if (depth > MaxDepth)
        {
            return null;
        }

        operation = Unwrap(operation);
        switch (operation)
        {
            case ILocalReferenceOperation local when !_locals.IsWrittenOnce(local.Local):
                // Written twice: a read after Fit may see other data than a read before it.
                return null;
            case ILocalReferenceOperation local:
                if (_locals.DeconstructionOf(local.Local) is { } deconstructed && DeconstructedMember(deconstructed) is { } member)
                {
                    return Key(deconstructed.Assignment.Value, depth + 1) is { } source ? source + "." + member.Name : LocalKey(local.Local);
                }

                // A local holding another reference is that reference; one holding a computed value is itself.
                var value = Unwrap(_locals.Resolve(local));
                return value is ILocalReferenceOperation or IParameterReferenceOperation or IFieldReferenceOperation or IPropertyReferenceOperation
                    && value != local && Key(value, depth + 1) is { } key
                    ? key
                    : LocalKey(local.Local);
            case IParameterReferenceOperation parameter:
                return "parameter " + parameter.Parameter.Name;
            case IFieldReferenceOperation field:
                return Owner(field.Instance, field.Field, depth) is { } fieldOwner ? fieldOwner + "." + field.Field.Name : null;
            case IPropertyReferenceOperation { Property.Parameters.Length: 0 } property:
                return Owner(property.Instance, property.Property, depth) is { } propertyOwner ? propertyOwner + "." + property.Property.Name : null;
            default:
                return null;
        }
    }

    private string? Owner(IOperation? instance, ISymbol member, int depth) => instance switch
    {
        null => member.ContainingType.ToDisplayString(),
        IInstanceReferenceOperation => "this",
        _ => Key(instance, depth + 1),
    };

    private static string LocalKey(ILocalSymbol local) =>
        "local " + local.Name + "@" + (local.DeclaringSyntaxReferences.FirstOrDefault()?.Span.Start ?? -1);
}

/// <summary>The part some data plays and the expression that shows it (<c>data.Test</c>, <c>CsvLoader.Load("test.csv")</c>).</summary>
internal sealed record Origin(DataRole Role, IOperation? Shown)
{
    public static Origin Unknown { get; } = new(DataRole.Unknown, null);

    /// <summary>The expression as the user wrote it, for messages.</summary>
    public string Text => Shown?.Syntax.ToString() ?? string.Empty;
}

/// <summary>Names of the runtime's callbacks that choose the weights the network ends with.</summary>
internal static class ModelSelection
{
    /// <summary>
    /// The first callback among <paramref name="callbacks"/> that keeps the weights of the best validation
    /// epoch: <c>EarlyStopping(restoreBestWeights: true)</c> or <c>ModelCheckpoint(saveBestOnly: true)</c>,
    /// monitoring a <c>val_</c> value; described for a message, or null.
    /// </summary>
    public static string? SelectingCallback(DataTypes types, DataOrigins origins, IOperation? callbacks)
    {
        if (callbacks is null)
        {
            return null;
        }

        foreach (var element in Elements(origins.Resolve(callbacks)))
        {
            var name = DataOrigins.Unwrap(element) is ILocalReferenceOperation local ? "'" + local.Local.Name + "', " : string.Empty;
            if (DataOrigins.Unwrap(origins.Resolve(element)) is not IObjectCreationOperation creation || creation.Constructor is null)
            {
                continue;
            }

            var type = creation.Constructor.ContainingType;
            if (DataTypes.Is(type, types.EarlyStopping) && IsTrue(creation, "restoreBestWeights") && MonitorsValidation(creation))
            {
                return name + "EarlyStopping restoring the best weights";
            }

            if (DataTypes.Is(type, types.ModelCheckpoint) && IsTrue(creation, "saveBestOnly") && MonitorsValidation(creation))
            {
                return name + "ModelCheckpoint saving the best only";
            }
        }

        return null;
    }

    private static IEnumerable<IOperation> Elements(IOperation collection) => DataOrigins.Unwrap(collection) switch
    {
        ICollectionExpressionOperation expression => expression.Elements,
        IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
        _ => Enumerable.Empty<IOperation>(),
    };

    private static bool IsTrue(IObjectCreationOperation creation, string parameter) =>
        creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == parameter) is { } argument
        && argument.Value.ConstantValue is { HasValue: true, Value: true };

    /// <summary>A constant monitor of a validation value; the default is <c>val_loss</c>.</summary>
    private static bool MonitorsValidation(IObjectCreationOperation creation) =>
        creation.Arguments.FirstOrDefault(a => a.Parameter?.Name == "monitor") is { } monitor
        && monitor.Value.ConstantValue is { HasValue: true, Value: string text }
        && text.StartsWith("val_", StringComparison.Ordinal);
}
