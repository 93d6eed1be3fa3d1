using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NetGen.Model;
using NetGen.Model.Layers;

namespace NetGen.Parsing;

/// <summary>
/// The NetGen attribute types of one compilation, resolved once by metadata name: the
/// generator and analyzer never reference the runtime assembly itself.
/// </summary>
internal sealed class KnownTypes
{
    public const string NetworkAttributeName = "NetGen.NetworkAttribute";

    private readonly Dictionary<INamedTypeSymbol, LayerKind> _layerKinds = new(SymbolEqualityComparer.Default);

    private KnownTypes(Compilation compilation, INamedTypeSymbol networkAttribute)
    {
        NetworkAttribute = networkAttribute;
        InputAttribute = compilation.GetTypeByMetadataName("NetGen.InputAttribute");
        OutputAttribute = compilation.GetTypeByMetadataName("NetGen.OutputAttribute");
        OptimizerAttribute = compilation.GetTypeByMetadataName("NetGen.OptimizerAttribute");
        ShapeAttribute = compilation.GetTypeByMetadataName("NetGen.ShapeAttribute");
        LayerAttribute = compilation.GetTypeByMetadataName("NetGen.LayerAttribute");
        foreach (var rule in LayerRules.All)
        {
            if (compilation.GetTypeByMetadataName(rule.AttributeName) is { } attribute)
            {
                _layerKinds[attribute] = rule.Kind;
            }
        }
    }

    public INamedTypeSymbol NetworkAttribute { get; }

    public INamedTypeSymbol? InputAttribute { get; }

    public INamedTypeSymbol? OutputAttribute { get; }

    public INamedTypeSymbol? OptimizerAttribute { get; }

    /// <summary><c>[Shape]</c> on a <c>[Lambda]</c> or <c>[LossTerm]</c> parameter.</summary>
    public INamedTypeSymbol? ShapeAttribute { get; }

    /// <summary>The base of every layer attribute.</summary>
    public INamedTypeSymbol? LayerAttribute { get; }

    /// <summary>Whether an attribute class derives from <c>LayerAttribute</c> but is no layer kind NetGen knows (NG0033).</summary>
    public bool IsUnknownLayerAttribute(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null || LayerAttribute is null || LayerKindOf(attributeClass) is not null)
        {
            return false;
        }

        for (var type = attributeClass.BaseType; type is not null; type = type.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(type, LayerAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The types of <paramref name="compilation"/>, or null when it does not reference NetGen.</summary>
    public static KnownTypes? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(NetworkAttributeName) is { } network ? new KnownTypes(compilation, network) : null;

    /// <summary>The layer kind of an attribute class, or null when it is not a NetGen layer attribute.</summary>
    public LayerKind? LayerKindOf(INamedTypeSymbol? attributeClass) =>
        attributeClass is not null && _layerKinds.TryGetValue(attributeClass, out var kind) ? kind : null;

    public static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    /// <summary>Whether <paramref name="type"/> is one of the runtime's <c>NetGen.Network&lt;...&gt;</c> base classes.</summary>
    public static bool IsNetworkBase(INamedTypeSymbol type) =>
        type.Name == "Network" && type.IsGenericType && type.ContainingNamespace is { Name: "NetGen", ContainingNamespace.IsGlobalNamespace: true };
}
