using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Model;

namespace NetGen.Parsing;

/// <summary>
/// Turns a <see cref="Site"/> into the narrowest source span that shows the problem: the
/// argument at fault (or its element) when there is one, else the attribute, else the member or
/// class name.
/// </summary>
internal sealed class SiteLocator
{
    private readonly Location _networkName;
    private readonly IReadOnlyList<AttributeData> _inputs;
    private readonly AttributeData? _network;
    private readonly AttributeData? _optimizer;
    private readonly IReadOnlyList<LayerSyntax> _layers;
    private readonly IReadOnlyDictionary<string, ISymbol> _members;
    private readonly CancellationToken _cancellationToken;

    public SiteLocator(
        Location networkName,
        IReadOnlyList<AttributeData> inputs,
        AttributeData? network,
        AttributeData? optimizer,
        IReadOnlyList<LayerSyntax> layers,
        IReadOnlyDictionary<string, ISymbol> members,
        CancellationToken cancellationToken)
    {
        _networkName = networkName;
        _inputs = inputs;
        _network = network;
        _optimizer = optimizer;
        _layers = layers;
        _members = members;
        _cancellationToken = cancellationToken;
    }

    public Location Locate(Site site)
    {
        switch (site.Kind)
        {
            case SiteKind.InputAttribute:
                return AttributeLocation(Input(site.Index)) ?? _networkName;
            case SiteKind.InputArgument:
                return ArgumentLocation(Input(site.Index), site.Argument!, site.Element) ?? AttributeLocation(Input(site.Index)) ?? _networkName;
            case SiteKind.NetworkArgument:
                return ArgumentLocation(_network, site.Argument!, site.Element) ?? AttributeLocation(_network) ?? _networkName;
            case SiteKind.OptimizerAttribute:
                return AttributeLocation(_optimizer) ?? _networkName;
            case SiteKind.OptimizerArgument:
                return ArgumentLocation(_optimizer, site.Argument!, site.Element) ?? AttributeLocation(_optimizer) ?? _networkName;
            case SiteKind.LayerMember:
                return MemberLocation(_layers[site.Index].Member);
            case SiteKind.LayerType:
                return TypeLocation(_layers[site.Index].Member) ?? MemberLocation(_layers[site.Index].Member);
            case SiteKind.LayerAttribute:
                return AttributeLocation(_layers[site.Index].Attribute) ?? MemberLocation(_layers[site.Index].Member);
            case SiteKind.LayerArgument:
            {
                var layer = _layers[site.Index];
                return ArgumentLocation(layer.Attribute, site.Argument!, site.Element) ?? AttributeLocation(layer.Attribute) ?? MemberLocation(layer.Member);
            }

            case SiteKind.OutputAttribute:
            {
                var layer = _layers[site.Index];
                return AttributeLocation(layer.Output) ?? MemberLocation(layer.Member);
            }

            case SiteKind.OutputArgument:
            {
                var layer = _layers[site.Index];
                return ArgumentLocation(layer.Output, site.Argument!, site.Element) ?? AttributeLocation(layer.Output) ?? MemberLocation(layer.Member);
            }

            case SiteKind.LayerParameter:
            {
                var layerMember = _layers[site.Index].Member;
                return layerMember is IMethodSymbol method && site.Element >= 0 && site.Element < method.Parameters.Length
                    ? method.Parameters[site.Element].Locations.FirstOrDefault(static l => l.IsInSource) ?? MemberLocation(layerMember)
                    : MemberLocation(layerMember);
            }

            case SiteKind.Member:
                return site.Argument is { } name && _members.TryGetValue(name, out var member) ? MemberLocation(member) : _networkName;
            default:
                return _networkName;
        }
    }

    private AttributeData? Input(int index) => index >= 0 && index < _inputs.Count ? _inputs[index] : null;

    private Location MemberLocation(ISymbol member) => member.Locations.FirstOrDefault(static l => l.IsInSource) ?? _networkName;

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
    /// parameter (by position or <c>name:</c>), or, for an array or params argument, of its element.
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
            return element >= 0 ? ElementOf(named.Expression, element) ?? named.Expression.GetLocation() : named.Expression.GetLocation();
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
        if (parameters[position].IsParams && byName is null)
        {
            // params T[]: either one argument per element, or one array written out.
            var rest = positional.Skip(position).ToList();
            if (rest.Count == 1 && rest[0].Expression is ArrayCreationExpressionSyntax or ImplicitArrayCreationExpressionSyntax or CollectionExpressionSyntax)
            {
                return element >= 0 ? ElementOf(rest[0].Expression, element) ?? rest[0].Expression.GetLocation() : rest[0].Expression.GetLocation();
            }

            if (element >= 0)
            {
                return element < rest.Count ? rest[element].Expression.GetLocation() : null;
            }

            return rest.Count switch
            {
                0 => null,
                1 => rest[0].Expression.GetLocation(),
                _ => Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(rest[0].Expression.SpanStart, rest[rest.Count - 1].Expression.Span.End)),
            };
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

/// <summary>A layer member with its layer attribute and its <c>[Output]</c>, if any.</summary>
internal sealed class LayerSyntax
{
    public LayerSyntax(ISymbol member, AttributeData attribute, AttributeData? output)
    {
        Member = member;
        Attribute = attribute;
        Output = output;
    }

    public ISymbol Member { get; }

    public AttributeData Attribute { get; }

    public AttributeData? Output { get; }
}
