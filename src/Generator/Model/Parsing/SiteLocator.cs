using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Model.Parsing;

/// <summary>
/// Turns a <see cref="Site"/> into the narrowest source span that shows the problem: the
/// argument at fault when there is one, else the attribute, else the member or class name.
/// </summary>
internal sealed class SiteLocator
{
    private readonly Location _networkName;
    private readonly AttributeData? _input;
    private readonly AttributeData? _network;
    private readonly AttributeData? _optimizer;
    private readonly IReadOnlyList<(ISymbol Member, AttributeData Attribute)> _layers;
    private readonly CancellationToken _cancellationToken;

    public SiteLocator(
        Location networkName,
        AttributeData? input,
        AttributeData? network,
        AttributeData? optimizer,
        IReadOnlyList<(ISymbol Member, AttributeData Attribute)> layers,
        CancellationToken cancellationToken)
    {
        _networkName = networkName;
        _input = input;
        _network = network;
        _optimizer = optimizer;
        _layers = layers;
        _cancellationToken = cancellationToken;
    }

    public Location Locate(Site site)
    {
        switch (site.Kind)
        {
            case SiteKind.InputAttribute:
                return AttributeLocation(_input) ?? _networkName;
            case SiteKind.NetworkArgument:
                return ArgumentLocation(_network, site.Argument!, -1) ?? AttributeLocation(_network) ?? _networkName;
            case SiteKind.OptimizerAttribute:
                return AttributeLocation(_optimizer) ?? _networkName;
            case SiteKind.OptimizerArgument:
                return ArgumentLocation(_optimizer, site.Argument!, -1) ?? AttributeLocation(_optimizer) ?? _networkName;
            case SiteKind.LayerMember:
                return _layers[site.Layer].Member.Locations[0];
            case SiteKind.LayerType:
                return TypeLocation(_layers[site.Layer].Member) ?? _layers[site.Layer].Member.Locations[0];
            case SiteKind.LayerAttribute:
                return AttributeLocation(_layers[site.Layer].Attribute) ?? _layers[site.Layer].Member.Locations[0];
            case SiteKind.LayerArgument:
            {
                var (member, attribute) = _layers[site.Layer];
                return ArgumentLocation(attribute, site.Argument!, -1) ?? AttributeLocation(attribute) ?? member.Locations[0];
            }

            case SiteKind.LayerInputArgument:
            {
                var (member, attribute) = _layers[site.Layer];
                return ArgumentLocation(attribute, "inputs", site.Index) ?? AttributeLocation(attribute) ?? member.Locations[0];
            }

            default:
                return _networkName;
        }
    }

    private Location? AttributeLocation(AttributeData? attribute) =>
        attribute?.ApplicationSyntaxReference?.GetSyntax(_cancellationToken).GetLocation();

    private Location? TypeLocation(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(_cancellationToken) is PropertyDeclarationSyntax property)
            {
                return property.Type.GetLocation();
            }
        }

        return null;
    }

    /// <summary>
    /// The expression of a named property argument (<c>From = ...</c>), of a constructor
    /// parameter (by position or <c>name:</c>), or, for a params array, of its element.
    /// </summary>
    private Location? ArgumentLocation(AttributeData? attribute, string name, int element)
    {
        if (attribute?.ApplicationSyntaxReference?.GetSyntax(_cancellationToken) is not AttributeSyntax syntax
            || syntax.ArgumentList is null)
        {
            return null;
        }

        var arguments = syntax.ArgumentList.Arguments;
        var named = arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
        if (named is not null)
        {
            return named.Expression.GetLocation();
        }

        var parameters = attribute.AttributeConstructor?.Parameters ?? default;
        if (parameters.IsDefaultOrEmpty)
        {
            return null;
        }

        var position = parameters.IndexOf(parameters.FirstOrDefault(p => p.Name == name)!);
        if (position < 0)
        {
            return null;
        }

        var byName = arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name);
        var positional = arguments.Where(static a => a.NameEquals is null && a.NameColon is null).ToList();
        if (element >= 0 && parameters[position].IsParams && byName is null)
        {
            // params string[]: either one argument per element, or one array written out.
            var rest = positional.Skip(position).ToList();
            if (rest.Count == 1 && rest[0].Expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax)
            {
                return ElementOf(rest[0].Expression, element) ?? rest[0].Expression.GetLocation();
            }

            return element < rest.Count ? rest[element].Expression.GetLocation() : null;
        }

        var argument = byName ?? (position < positional.Count ? positional[position] : null);
        if (argument is null)
        {
            return null;
        }

        return element >= 0 ? ElementOf(argument.Expression, element) ?? argument.Expression.GetLocation() : argument.Expression.GetLocation();
    }

    private static Location? ElementOf(ExpressionSyntax expression, int element)
    {
        var elements = expression switch
        {
            ArrayCreationExpressionSyntax array => array.Initializer?.Expressions.Cast<SyntaxNode>().ToList(),
            ImplicitArrayCreationExpressionSyntax array => array.Initializer.Expressions.Cast<SyntaxNode>().ToList(),
            CollectionExpressionSyntax collection => collection.Elements.Cast<SyntaxNode>().ToList(),
            _ => null,
        };
        return elements is not null && element < elements.Count ? elements[element].GetLocation() : null;
    }
}
