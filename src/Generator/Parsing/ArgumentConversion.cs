using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Model;

namespace NetGen.Parsing;

/// <summary>Turns Roslyn's view of an attribute into <see cref="AttributeArguments"/>, the model's plain-data view.</summary>
internal static class ArgumentConversion
{
    /// <summary>Constructor arguments by parameter name, named arguments by property name.</summary>
    public static AttributeArguments Read(AttributeData? attribute)
    {
        if (attribute is null)
        {
            return AttributeArguments.Empty;
        }

        var values = new Dictionary<string, ArgumentValue>(StringComparer.Ordinal);
        var complete = attribute.AttributeConstructor is not null;
        if (complete)
        {
            var parameters = attribute.AttributeConstructor!.Parameters;
            for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                complete &= Convert(attribute.ConstructorArguments[i], out var value);
                values[parameters[i].Name] = value;
            }
        }

        foreach (var named in attribute.NamedArguments)
        {
            complete &= Convert(named.Value, out var value);
            values[named.Key] = value;
        }

        return new AttributeArguments(values, complete);
    }

    /// <summary>False when the constant has compile errors.</summary>
    private static bool Convert(TypedConstant constant, out ArgumentValue value)
    {
        if (constant.Kind == TypedConstantKind.Error)
        {
            value = ArgumentValue.Null;
            return false;
        }

        if (constant.IsNull)
        {
            value = ArgumentValue.Null;
            return true;
        }

        switch (constant.Kind)
        {
            case TypedConstantKind.Array:
                var complete = true;
                var elements = new List<ArgumentValue>();
                foreach (var element in constant.Values)
                {
                    complete &= Convert(element, out var converted);
                    elements.Add(converted);
                }

                value = ArgumentValue.Array(elements);
                return complete;
            case TypedConstantKind.Enum:
                value = ArgumentValue.Enum(System.Convert.ToInt32(constant.Value, CultureInfo.InvariantCulture), constant.Type?.ToDisplayString() ?? "enum");
                return true;
            default:
                value = constant.Value switch
                {
                    int number => ArgumentValue.Int(number),
                    double number => ArgumentValue.Double(number),
                    bool flag => ArgumentValue.Bool(flag),
                    string text => ArgumentValue.String(text),
                    _ => ArgumentValue.Other(constant.Type?.ToDisplayString() ?? "?", constant.Value),
                };
                return true;
        }
    }

    /// <summary>Whether any argument has compile errors (its arguments were not all read).</summary>
    public static bool HasErrors(AttributeData attribute) =>
        attribute.AttributeConstructor is null
        || attribute.ConstructorArguments.Any(static a => a.Kind == TypedConstantKind.Error)
        || attribute.NamedArguments.Any(static a => a.Value.Kind == TypedConstantKind.Error);
}
