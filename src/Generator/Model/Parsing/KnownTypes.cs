using Microsoft.CodeAnalysis;

namespace NetGen.Model.Parsing;

/// <summary>
/// The NetGen attribute types of one compilation, resolved once by metadata name: the
/// generator and analyzer never reference the runtime assembly itself.
/// </summary>
internal sealed class KnownTypes
{
    public const string NetworkAttributeName = "NetGen.NetworkAttribute";

    private KnownTypes(Compilation compilation, INamedTypeSymbol networkAttribute)
    {
        NetworkAttribute = networkAttribute;
        InputAttribute = compilation.GetTypeByMetadataName("NetGen.InputAttribute");
        OptimizerAttribute = compilation.GetTypeByMetadataName("NetGen.OptimizerAttribute");
        LayerAttribute = compilation.GetTypeByMetadataName("NetGen.LayerAttribute");
        Dense = compilation.GetTypeByMetadataName("NetGen.DenseAttribute");
        Dropout = compilation.GetTypeByMetadataName("NetGen.DropoutAttribute");
        BatchNormalization = compilation.GetTypeByMetadataName("NetGen.BatchNormalizationAttribute");
        Activation = compilation.GetTypeByMetadataName("NetGen.ActivationAttribute");
        Flatten = compilation.GetTypeByMetadataName("NetGen.FlattenAttribute");
        Add = compilation.GetTypeByMetadataName("NetGen.AddAttribute");
        Concatenate = compilation.GetTypeByMetadataName("NetGen.ConcatenateAttribute");
    }

    public INamedTypeSymbol NetworkAttribute { get; }

    public INamedTypeSymbol? InputAttribute { get; }

    public INamedTypeSymbol? OptimizerAttribute { get; }

    public INamedTypeSymbol? LayerAttribute { get; }

    public INamedTypeSymbol? Dense { get; }

    public INamedTypeSymbol? Dropout { get; }

    public INamedTypeSymbol? BatchNormalization { get; }

    public INamedTypeSymbol? Activation { get; }

    public INamedTypeSymbol? Flatten { get; }

    public INamedTypeSymbol? Add { get; }

    public INamedTypeSymbol? Concatenate { get; }

    /// <summary>The types of <paramref name="compilation"/>, or null when it does not reference NetGen.</summary>
    public static KnownTypes? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName(NetworkAttributeName) is { } network ? new KnownTypes(compilation, network) : null;

    /// <summary>The layer kind of an attribute class, or null when it is not a NetGen layer attribute.</summary>
    public LayerKind? LayerKindOf(INamedTypeSymbol? attributeClass)
    {
        if (attributeClass is null)
        {
            return null;
        }

        if (Is(attributeClass, Dense)) return LayerKind.Dense;
        if (Is(attributeClass, Dropout)) return LayerKind.Dropout;
        if (Is(attributeClass, BatchNormalization)) return LayerKind.BatchNormalization;
        if (Is(attributeClass, Activation)) return LayerKind.Activation;
        if (Is(attributeClass, Flatten)) return LayerKind.Flatten;
        if (Is(attributeClass, Add)) return LayerKind.Add;
        if (Is(attributeClass, Concatenate)) return LayerKind.Concatenate;
        return null;
    }

    public static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);
}
