using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Which TorchSharp methods make a <c>Scalar</c> by an implicit conversion in their own body, or in a TorchSharp
/// method they call directly (<c>add(Tensor)</c> is <c>add(target, 1)</c>, <c>arange(stop)</c> is
/// <c>arange(0, stop, 1)</c>, <c>Tensor - double</c> is <c>sub(double)</c>), read from the IL of the loaded assembly.
/// </summary>
/// <remarks>
/// Only calls that cannot dispatch elsewhere are followed (static and non-virtual methods), a few levels deep:
/// a virtual <c>forward</c> or an optimizer's <c>step</c> is TorchSharp's own business.
/// </remarks>
internal static class HiddenScalars
{
    private const int Depth = 4;

    private static readonly Assembly TorchSharp = typeof(TorchSharp.Scalar).Assembly;

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(static field => (OpCode)field.GetValue(null)!)
        .ToDictionary(static code => code.Value);

    private static readonly ConcurrentDictionary<(MethodBase, int), bool> Known = new();

    /// <summary>Whether <paramref name="method"/>, a TorchSharp method the code calls, makes a Scalar nothing keeps alive.</summary>
    public static bool Makes(IMethodSymbol method)
    {
        var original = method.OriginalDefinition;
        if (original.ContainingAssembly?.Name != TorchSharp.GetName().Name)
        {
            return false;
        }

        var type = TorchSharp.GetType(MetadataName(original.ContainingType));
        if (type is null)
        {
            return false;
        }

        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var candidates = (original.MethodKind == MethodKind.Constructor ? type.GetConstructors(all).Cast<MethodBase>() : type.GetMethods(all))
            .Where(candidate => candidate.Name == original.MetadataName && Matches(candidate.GetParameters(), original.Parameters));
        return candidates.Any(static candidate => Makes(candidate, Depth));
    }

    private static bool Makes(MethodBase method, int depth) =>
        Known.GetOrAdd((method, depth), static key => Scan(key.Item1, key.Item2));

    private static bool Scan(MethodBase method, int depth)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (InvalidOperationException)
        {
            return false;
        }

        if (il is null)
        {
            return false;
        }

        foreach (var (code, token) in Instructions(il))
        {
            if (code != OpCodes.Call && code != OpCodes.Callvirt && code != OpCodes.Newobj)
            {
                continue;
            }

            MethodBase? callee;
            try
            {
                callee = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (ArgumentException)
            {
                continue;
            }

            if (callee is MethodInfo { Name: "op_Implicit", ReturnType: var returned } && returned == typeof(TorchSharp.Scalar))
            {
                return true;
            }

            if (depth > 1 && callee is not null && callee.Module.Assembly == TorchSharp && (callee.IsStatic || !callee.IsVirtual || callee.IsFinal)
                && Makes(callee, depth - 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The opcode and, for one that takes a token, the token of each instruction.</summary>
    private static IEnumerable<(OpCode Code, int Token)> Instructions(byte[] il)
    {
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            var code = OpCodesByValue[value];
            var token = code.OperandType is OperandType.InlineMethod or OperandType.InlineTok ? BitConverter.ToInt32(il, position) : 0;
            position += code.OperandType switch
            {
                OperandType.InlineNone => 0,
                OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                OperandType.InlineVar => 2,
                OperandType.InlineI8 or OperandType.InlineR => 8,
                OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, position)),
                _ => 4,
            };
            yield return (code, token);
        }
    }

    private static bool Matches(ParameterInfo[] parameters, IReadOnlyList<IParameterSymbol> symbols) =>
        parameters.Length == symbols.Count
        && parameters.Zip(symbols).All(static pair => pair.First.ParameterType.Name.TrimEnd('&') == MetadataName(pair.Second.Type, simple: true));

    private static string MetadataName(ITypeSymbol type, bool simple = false) => type switch
    {
        IArrayTypeSymbol array => MetadataName(array.ElementType, simple) + "[]",
        INamedTypeSymbol { ContainingType: { } outer } when !simple => MetadataName(outer) + "+" + type.MetadataName,
        _ when simple || type.ContainingNamespace is null || type.ContainingNamespace.IsGlobalNamespace => type.MetadataName,
        _ => type.ContainingNamespace.ToDisplayString() + "." + type.MetadataName,
    };
}
