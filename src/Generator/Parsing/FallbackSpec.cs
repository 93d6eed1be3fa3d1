using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Model;
using NetGen.Model.Layers;

namespace NetGen.Parsing;

/// <summary>
/// The spec of a placeholder for a declaration NetGen failed on: built from the symbol alone,
/// without analysis, so that the user's code keeps compiling and the failure is stated.
/// </summary>
internal static class FallbackSpec
{
    public static NetworkSpec For(INamedTypeSymbol type, Exception exception, CancellationToken cancellationToken)
    {
        var properties = type.GetMembers().OfType<IPropertySymbol>()
            .Where(static p => p.IsPartialDefinition && !p.IsStatic && p.SetMethod is null && p.GetMethod is not null && !p.IsIndexer && !p.ReturnsByRef && !p.ReturnsByRefReadonly && p.Type.TypeKind != TypeKind.Error)
            .GroupBy(static p => p.Name)
            .Select(static group => group.First())
            .Select(p => new LayerSpec(
                p.Name,
                Identifiers.Escape(p.Name),
                LayerKind.Dense,
                string.Empty,
                p.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
                Modifiers(p, cancellationToken),
                true,
                EquatableArray<string>.Empty,
                null,
                null,
                null,
                0,
                0,
                false,
                "_" + Identifiers.Camel(p.Name),
                Identifiers.Camel(p.Name)))
            .ToEquatableArray();
        var containing = new System.Collections.Generic.List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            containing.Insert(0, new ContainingTypeSpec(outer.IsRecord ? "record" : outer.TypeKind == TypeKind.Struct ? "struct" : "class", Identifiers.Escape(outer.Name)));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        var others = type.GetMembers().Where(m => !properties.Any(p => p.Name == m.Name)).Select(static m => m.Name).ToEquatableArray();
        return new NetworkSpec(
            string.Join(".", new[] { ns }.Concat(containing.Select(static c => c.Name)).Concat(new[] { type.Name }).Where(static s => s is not null)).Replace('@', '_') + ".g.cs",
            ns,
            containing.ToEquatableArray(),
            Identifiers.Escape(type.Name) + (type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(static t => t.Name)) + ">"),
            Identifiers.Escape(type.Name),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.Name,
            HasUserSummary: true,
            CanGenerate: false,
            new DeclarationForm(type.IsRecord ? "record" : "class", type.IsGenericType, type.IsStatic, type.IsFileLocal, BaseType: "unknown"),
            others,
            CompileError: null,
            EquatableArray<InputSpec>.Empty,
            properties,
            EquatableArray<int>.Empty,
            EquatableArray<OutputSpec>.Empty,
            Compile: null,
            Names(type),
            exception.GetType().Name + ": " + exception.Message);
    }

    private static GeneratedNames Names(INamedTypeSymbol type)
    {
        var taken = new System.Collections.Generic.HashSet<string>(type.GetMembers().Select(static m => m.Name), StringComparer.Ordinal);
        return new GeneratedNames(
            Identifiers.Unique("s_description", taken),
            Identifiers.Unique("CreateDefaultCompileOptions", taken),
            Identifiers.Unique("Forward", taken),
            Identifiers.Unique("DeclarationErrors", taken),
            Identifiers.Unique("ThrowDeclarationErrors", taken));
    }

    private static string Modifiers(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<PropertyDeclarationSyntax>()
            .Select(static p => string.Join(" ", p.Modifiers.Where(static m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(static m => m.Text)))
            .FirstOrDefault() ?? "public";
}
