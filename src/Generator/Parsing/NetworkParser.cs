using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;

namespace NetGen.Parsing;

/// <summary>
/// Reads a <c>[Network]</c> class from Roslyn symbols into a <see cref="NetworkDefinition"/>,
/// runs <see cref="NetworkAnalysis"/>, and returns the spec to emit plus the problems at their
/// spans. Never throws on incomplete code: what cannot be read is left out, and the analysis
/// stays quiet about what the compiler already reports.
/// </summary>
internal static class NetworkParser
{
    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static readonly SymbolDisplayFormat s_namespaceFormat = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.EscapeKeywordIdentifiers);

    /// <param name="type">The class marked <c>[Network]</c>.</param>
    /// <param name="knownTypes">NetGen's attribute types in its compilation.</param>
    /// <param name="locate">
    /// The problem kinds to return at their source spans (the analyzer's, or the generator's:
    /// <see cref="ProblemReporting.IsReportedByGenerator"/>); null for none, when only the spec is needed.
    /// </param>
    /// <param name="cancellationToken">Cancels between members.</param>
    public static NetworkParseResult Parse(INamedTypeSymbol type, KnownTypes knownTypes, Func<ProblemKind, bool>? locate, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var attributes = type.GetAttributes();
        var networkAttribute = attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.NetworkAttribute));
        var declaration = FindDeclaration(type, networkAttribute, cancellationToken);
        var nameLocation = declaration is null ? Location.None : declaration.Identifier.GetLocation();

        var isPartial = IsPartialAllTheWay(type, cancellationToken);
        if (!isPartial && locate?.Invoke(ProblemKind.NetworkMustBePartial) == true)
        {
            problems.Add(new Problem(ProblemKind.NetworkMustBePartial, nameLocation, type.Name));
        }

        var declared = ReadMembers(type, knownTypes, ImmutableArray.Create(type), cancellationToken);
        var layers = declared.Layers;
        var others = declared.Others;
        var inputAttributes = declared.InputAttributes;
        var optimizerAttribute = declared.OptimizerAttribute;
        var severalLayerAttributes = declared.ExtraLayerAttributes.Count > 0;
        if (locate is not null)
        {
            foreach (var (extra, member) in declared.ExtraLayerAttributes.Where(_ => locate(ProblemKind.MultipleLayerAttributes)))
            {
                problems.Add(new Problem(ProblemKind.MultipleLayerAttributes, AttributeLocation(extra, member, cancellationToken), member.Name));
            }

            // An attribute class deriving from LayerAttribute that NetGen has no rule for would leave the member out silently.
            foreach (var (attribute, member) in declared.UnknownLayerAttributes.Where(_ => locate(ProblemKind.UnknownLayerAttribute)))
            {
                problems.Add(new Problem(ProblemKind.UnknownLayerAttribute, AttributeLocation(attribute, member, cancellationToken), member.Name, attribute.AttributeClass!.Name));
            }
        }

        var definition = declared.Definition;
        var analysis = NetworkAnalysis.Analyze(definition);

        if (locate is not null)
        {
            var locator = new SiteLocator(nameLocation, inputAttributes, networkAttribute, optimizerAttribute, layers, others, cancellationToken);
            foreach (var issue in analysis.Issues.Where(issue => locate(issue.Kind)))
            {
                var location = locator.Locate(issue.Site);
                problems.Add(new Problem(issue.Kind, location, WithExpression(issue, location, cancellationToken))
                {
                    AdditionalLocations = issue.AdditionalSites.Select(locator.Locate).ToImmutableArray(),
                    Properties = issue.Properties.ToImmutableDictionary(static p => p.Key, static p => (string?)p.Value),
                });
            }
        }

        // A member whose type does not resolve is the compiler's error to report; the module cannot be built without it.
        var canGenerate = analysis.CanGenerate && !severalLayerAttributes && definition.Layers.All(static layer => layer.Member.DeclaredType is not null);
        var spec = isPartial && declaration is not null
            ? CreateSpec(type, declaration, definition, analysis, canGenerate, others.Keys, cancellationToken)
            : null;
        return new NetworkParseResult(spec, problems.ToImmutable());
    }

    /// <summary>
    /// Reads the members and attributes of <paramref name="type"/> into its definition.
    /// <paramref name="visiting"/> is the chain of network classes being read, the outermost first:
    /// a <c>[SubNetwork]</c> member's class is read (and analysed) in turn, unless it is in the chain.
    /// </summary>
    private static DeclaredMembers ReadMembers(INamedTypeSymbol type, KnownTypes knownTypes, ImmutableArray<INamedTypeSymbol> visiting, CancellationToken cancellationToken)
    {
        var attributes = type.GetAttributes();
        var networkAttribute = attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.NetworkAttribute));
        var declaration = FindDeclaration(type, networkAttribute, cancellationToken);
        var inputAttributes = attributes.Where(a => KnownTypes.Is(a.AttributeClass, knownTypes.InputAttribute)).ToList();
        var optimizerAttribute = attributes.FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.OptimizerAttribute));

        var layers = new List<LayerSyntax>();
        var others = new Dictionary<string, ISymbol>(StringComparer.Ordinal);
        var strayOutputs = new List<string>();
        var files = new List<string>();
        var fileOf = new Dictionary<ISymbol, int>(SymbolEqualityComparer.Default);
        var extras = new List<(AttributeData, ISymbol)>();
        var unknown = new List<(AttributeData, ISymbol)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var member in OrderedMembers(type))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A name declared twice is the compiler's error (CS0102); only the first one is read.
            if (!seen.Add(member.Name))
            {
                continue;
            }

            var path = member.Locations[0].SourceTree?.FilePath ?? string.Empty;
            if (!files.Contains(path))
            {
                files.Add(path);
            }

            fileOf[member] = files.IndexOf(path);
            var memberAttributes = member.GetAttributes();
            var layerAttributes = memberAttributes.Where(attribute => knownTypes.LayerKindOf(attribute.AttributeClass) is not null).ToList();
            var output = memberAttributes.FirstOrDefault(attribute => KnownTypes.Is(attribute.AttributeClass, knownTypes.OutputAttribute));
            unknown.AddRange(memberAttributes.Where(attribute => knownTypes.IsUnknownLayerAttribute(attribute.AttributeClass)).Select(attribute => (attribute, member)));
            if (layerAttributes.Count == 0)
            {
                others[member.Name] = member;
                if (output is not null)
                {
                    strayOutputs.Add(member.Name);
                }

                continue;
            }

            extras.AddRange(layerAttributes.Skip(1).Select(extra => (extra, member)));
            layers.Add(new LayerSyntax(member, layerAttributes[0], output));
        }

        foreach (var nested in type.GetTypeMembers().Where(IsUsers))
        {
            others[nested.Name] = nested;
        }

        var definition = new NetworkDefinition(
            type.Name,
            ReadDeclaration(type, declaration),
            inputAttributes.Select(static a => new InputDefinition(ArgumentConversion.Read(a))).ToEquatableArray(),
            layers.Select(layer => ReadLayer(layer, knownTypes, fileOf[layer.Member], visiting, cancellationToken)).ToEquatableArray(),
            ArgumentConversion.Read(networkAttribute),
            optimizerAttribute is null ? null : ArgumentConversion.Read(optimizerAttribute),
            others.Keys.ToEquatableArray(),
            strayOutputs.ToEquatableArray());
        return new DeclaredMembers(definition, layers, others, inputAttributes, optimizerAttribute, extras, unknown);
    }

    /// <summary>
    /// The <c>[Network]</c> class a <c>[SubNetwork]</c> member is declared as, analysed on its own;
    /// null when the member's type is not such a class.
    /// </summary>
    private static SubNetworkDefinition? ReadSubNetwork(ISymbol member, KnownTypes knownTypes, ImmutableArray<INamedTypeSymbol> visiting, CancellationToken cancellationToken)
    {
        var type = member switch
        {
            IPropertySymbol property => property.Type,
            IFieldSymbol field => field.Type,
            _ => null,
        };
        // A network compiled into another assembly has no declaration to read: NG0006 asks for one in source.
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Class } network
            || !network.GetAttributes().Any(a => KnownTypes.Is(a.AttributeClass, knownTypes.NetworkAttribute))
            || !network.Locations.Any(static location => location.IsInSource))
        {
            return null;
        }

        var typeName = network.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var none = EquatableArray<SubNetworkPort>.Empty;
        var root = visiting[0];
        if (ContainmentPath(network, root, knownTypes, new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default), cancellationToken) is { } path)
        {
            var cycle = string.Join(" -> ", new[] { root.Name }.Concat(path.Select(static t => t.Name)));
            return new SubNetworkDefinition(typeName, network.Name, cycle, IsValid: false, none, none, 0, 0);
        }

        // A cycle that does not pass through the network being read is reported where it does.
        if (visiting.Contains(network, SymbolEqualityComparer.Default))
        {
            return new SubNetworkDefinition(typeName, network.Name, null, IsValid: false, none, none, 0, 0);
        }

        var declared = ReadMembers(network, knownTypes, visiting.Add(network), cancellationToken);
        var definition = declared.Definition;
        var analysis = NetworkAnalysis.Analyze(definition);
        var isValid = analysis.CanGenerate
            && declared.ExtraLayerAttributes.Count == 0
            && definition.Layers.All(static layer => layer.Member.DeclaredType is not null)
            && IsPartialAllTheWay(network, cancellationToken);
        var inputs = analysis.Inputs.Select(static input => new SubNetworkPort(input.Name, input.Type, Identifiers.Escape(input.Name))).ToEquatableArray();
        var outputs = analysis.Outputs
            .Select(index => new SubNetworkPort(definition.Layers[index].Name, analysis.Layers[index].Output.Type, Identifiers.Escape(definition.Layers[index].Name), LogitsActivation(analysis, definition, index)))
            .ToEquatableArray();
        return new SubNetworkDefinition(
            typeName,
            network.Name,
            null,
            isValid,
            inputs,
            outputs,
            isValid ? analysis.Layers.Sum(static layer => layer.Parameters.Total) : 0,
            isValid ? analysis.Layers.Sum(static layer => layer.Parameters.Trainable) : 0,
            network.IsAbstract);
    }

    /// <summary>
    /// The classes from <paramref name="from"/> down to <paramref name="target"/> through
    /// <c>[SubNetwork]</c> members (<paramref name="from"/> first, <paramref name="target"/> last),
    /// or null when <paramref name="from"/> does not contain <paramref name="target"/>.
    /// </summary>
    private static List<INamedTypeSymbol>? ContainmentPath(INamedTypeSymbol from, INamedTypeSymbol target, KnownTypes knownTypes, HashSet<INamedTypeSymbol> visited, CancellationToken cancellationToken)
    {
        if (SymbolEqualityComparer.Default.Equals(from, target))
        {
            return new List<INamedTypeSymbol> { from };
        }

        if (!visited.Add(from))
        {
            return null;
        }

        foreach (var member in from.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IPropertySymbol { Type: INamedTypeSymbol { TypeKind: TypeKind.Class } inner }
                && member.GetAttributes().Any(a => knownTypes.LayerKindOf(a.AttributeClass) == LayerKind.SubNetwork)
                && ContainmentPath(inner, target, knownTypes, visited, cancellationToken) is { } path)
            {
                path.Insert(0, from);
                return path;
            }
        }

        return null;
    }

    private static TypeDeclarationSyntax? FindDeclaration(INamedTypeSymbol type, AttributeData? networkAttribute, CancellationToken cancellationToken)
    {
        if (networkAttribute?.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is { } attributeSyntax
            && attributeSyntax.FirstAncestorOrSelf<TypeDeclarationSyntax>() is { } owner)
        {
            return owner;
        }

        return type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
    }

    private static bool IsPartialAllTheWay(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            foreach (var reference in current.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax syntax
                    && !syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Whether some declaration of <paramref name="symbol"/> is not in a file NetGen generated.</summary>
    private static bool IsUsers(ISymbol symbol) =>
        symbol.Locations.Any(static location => location.SourceTree is { } tree && !GeneratedFiles.IsNetGens(tree.FilePath));

    /// <summary>
    /// Whether a type named <c>var</c> is in scope inside the network: nested in it or in a type containing it, or
    /// declared in one of its namespaces (the global one included). Generated code declares its locals with
    /// <c>var</c>, which would then mean that type.
    /// </summary>
    private static bool VarTypeInScope(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.ContainingType)
        {
            if (current.GetTypeMembers("var").Length > 0)
            {
                return true;
            }
        }

        for (var space = type.ContainingNamespace; space is not null; space = space.ContainingNamespace)
        {
            if (space.GetTypeMembers("var").Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    private static DeclarationForm ReadDeclaration(INamedTypeSymbol type, TypeDeclarationSyntax? declaration)
    {
        var baseType = type.BaseType is { SpecialType: not SpecialType.System_Object } candidate && candidate.TypeKind != TypeKind.Error && !KnownTypes.IsNetworkBase(candidate)
            ? candidate.ToDisplayString()
            : null;
        var hasVarName = false;
        var outermost = type;
        for (var current = type; current is not null; current = current.ContainingType)
        {
            hasVarName |= current.Name == "var";
            outermost = current;
        }

        hasVarName |= VarTypeInScope(type);
        var shadowed = outermost.ContainingNamespace is { IsGlobalNamespace: true } && outermost.Name is "System" or "TorchSharp" or "NetGen"
            ? outermost.Name
            : null;
        var hasGeneratedCode = type.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == "System.CodeDom.Compiler.GeneratedCodeAttribute");

        return new DeclarationForm(
            Keyword(declaration),
            type.IsGenericType || type.ContainingType is { IsGenericType: true },
            type.IsStatic,
            type.IsFileLocal,
            baseType,
            hasVarName,
            shadowed,
            hasGeneratedCode);
    }

    /// <summary>
    /// The user's members in declaration order across partial files (file path, then position).
    /// The analyzer sees the compilation with NetGen's generated half too; its members are not the user's.
    /// </summary>
    private static IEnumerable<ISymbol> OrderedMembers(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(static member => !member.IsImplicitlyDeclared && member.Locations.Length > 0 && member.Locations[0].IsInSource && member is not INamedTypeSymbol && IsUsers(member))
            .OrderBy(static member => member.Locations[0].SourceTree?.FilePath ?? string.Empty, StringComparer.Ordinal)
            .ThenBy(static member => member.Locations[0].SourceSpan.Start);

    private static LayerDefinition ReadLayer(LayerSyntax layer, KnownTypes knownTypes, int file, ImmutableArray<INamedTypeSymbol> visiting, CancellationToken cancellationToken)
    {
        var kind = knownTypes.LayerKindOf(layer.Attribute.AttributeClass)!.Value;
        var member = layer.Member;
        var declaredType = member switch
        {
            IPropertySymbol property when property.Type.TypeKind != TypeKind.Error => property.Type.ToDisplayString(s_typeFormat),
            IFieldSymbol field when field.Type.TypeKind != TypeKind.Error => field.Type.ToDisplayString(s_typeFormat),
            IMethodSymbol returning when returning.ReturnType.TypeKind != TypeKind.Error => returning.ReturnType.ToDisplayString(s_typeFormat),
            _ => null,
        };
        var isPartialProperty = member is IPropertySymbol
        {
            IsPartialDefinition: true, IsStatic: false, SetMethod: null, GetMethod: not null, IsIndexer: false,
            ReturnsByRef: false, ReturnsByRefReadonly: false,
        };

        // The name as written (error types display it), so NG0034 can name it; a method's is its return type, checked by NG0022.
        var unresolvedType = member switch
        {
            IPropertySymbol { Type.TypeKind: TypeKind.Error } property => property.Type.ToDisplayString(),
            IFieldSymbol { Type.TypeKind: TypeKind.Error } field => field.Type.ToDisplayString(),
            _ => null,
        };

        return new LayerDefinition(
            member.Name,
            kind,
            ArgumentConversion.Read(layer.Attribute),
            new MemberDeclaration(declaredType, Modifiers(member, cancellationToken), isPartialProperty, file, member is IMethodSymbol method ? ReadMethod(method, knownTypes) : null, unresolvedType),
            layer.Output is null ? null : ArgumentConversion.Read(layer.Output),
            kind == LayerKind.SubNetwork ? ReadSubNetwork(member, knownTypes, visiting, cancellationToken) : null,
            kind == LayerKind.CustomLayer ? ReadCustomModule(member, layer.Attribute) : null);
    }

    /// <summary>A layer method's signature (a <c>[Lambda]</c>): parameter names and types, what forward could not pass, and the shapes its parameters declare.</summary>
    private static MethodDeclaration ReadMethod(IMethodSymbol method, KnownTypes knownTypes)
    {
        var shapes = method.Parameters
            .Select(p => p.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.ShapeAttribute)) is { } shape ? ArgumentConversion.Read(shape) : null)
            .ToList();
        return new MethodDeclaration(
            method.Parameters.Select(static p => p.Name).ToEquatableArray(),
            method.Parameters.Select(static p => p.Type.TypeKind == TypeKind.Error ? null : p.Type.ToDisplayString(s_typeFormat)).ToEquatableArray(),
            method.IsGenericMethod,
            method.ReturnsByRef || method.ReturnsByRefReadonly || method.Parameters.Any(static p => p.RefKind != RefKind.None || p.IsParams || p.IsOptional),
            shapes.Any(static shape => shape is not null) ? shapes.ToEquatableArray() : EquatableArray<AttributeArguments?>.Empty);
    }

    /// <summary>
    /// The module type a <c>[CustomLayer]</c> member is declared as: whether it is a <c>Module&lt;Tensor, Tensor&gt;</c>,
    /// how it can be built, and its shape function; null when the type does not resolve (the compiler reports it).
    /// </summary>
    private static CustomModuleDefinition? ReadCustomModule(ISymbol member, AttributeData attribute)
    {
        if (member is not IPropertySymbol { Type: { TypeKind: not TypeKind.Error } type })
        {
            return null;
        }

        var isTensorModule = false;
        for (ITypeSymbol? current = type; current is not null && !isTensorModule; current = current.BaseType)
        {
            isTensorModule = current.ToDisplayString() == "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>";
        }

        var constructible = type is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } named
            && named.InstanceConstructors.Any(static c => c.DeclaredAccessibility == Accessibility.Public && c.Parameters.All(static p => p.IsOptional || p.IsParams));
        var shapeFunctions = type.GetMembers("ComputeOutputShape");
        var shapeFunction = shapeFunctions.IsEmpty ? ShapeFunctionForm.None
            : shapeFunctions.Any(static f => f is IMethodSymbol { IsStatic: true, DeclaredAccessibility: Accessibility.Public, IsGenericMethod: false, Parameters.Length: 1 } method
                && IsLongArray(method.ReturnType) && IsLongArray(method.Parameters[0].Type) && method.Parameters[0].RefKind == RefKind.None)
                ? ShapeFunctionForm.Usable
                : ShapeFunctionForm.Unusable;

        var factoryName = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Factory").Value is { Kind: TypedConstantKind.Primitive, Value: string name } ? name : null;
        return new CustomModuleDefinition(
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.Name,
            isTensorModule,
            constructible,
            shapeFunction,
            factoryName is null ? null : ReadFactory(member.ContainingType, factoryName, type));
    }

    /// <summary>The static method of the network class named by <c>Factory</c>: why none can build the module, or which one can.</summary>
    private static FactoryDefinition ReadFactory(INamedTypeSymbol network, string name, ITypeSymbol module)
    {
        var methods = network.GetMembers(name).OfType<IMethodSymbol>().Where(static m => m.MethodKind == MethodKind.Ordinary).ToList();
        if (methods.Count == 0)
        {
            return new FactoryDefinition(name, Identifiers.Escape(name), "Factory names no method of '" + network.Name + "'; name a static method of the network class that returns the module (use nameof)", false);
        }

        string? problem = null;
        foreach (var method in methods.OrderBy(static m => m.Parameters.Length))
        {
            var takesInputShape = method.Parameters.Length == 1 && IsLongArray(method.Parameters[0].Type) && method.Parameters[0].RefKind == RefKind.None && !method.Parameters[0].IsParams;
            var reason = !method.IsStatic ? "its factory '" + name + "' must be static"
                : method.IsGenericMethod ? "its factory '" + name + "' must have no type parameters"
                : !Returns(method.ReturnType, module) ? "its factory '" + name + "' returns " + method.ReturnType.ToDisplayString() + ", not a " + module.ToDisplayString()
                : method.Parameters.Length != 0 && !takesInputShape ? "its factory '" + name + "' must take no parameters, or one long[] inputShape"
                : null;
            if (reason is null)
            {
                return new FactoryDefinition(name, Identifiers.Escape(name), null, takesInputShape);
            }

            problem ??= reason;
        }

        return new FactoryDefinition(name, Identifiers.Escape(name), problem, false);
    }

    private static bool Returns(ITypeSymbol returned, ITypeSymbol module)
    {
        for (ITypeSymbol? current = returned; current is not null; current = current.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(current, module))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLongArray(ITypeSymbol type) => type is IArrayTypeSymbol { Rank: 1, ElementType.SpecialType: SpecialType.System_Int64 };

    /// <summary>The property's modifiers as written on its declaration, <c>partial</c> left out.</summary>
    private static string Modifiers(ISymbol member, CancellationToken cancellationToken)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax property)
            {
                return string.Join(" ", property.Modifiers.Where(static m => !m.IsKind(SyntaxKind.PartialKeyword)).Select(static m => m.Text));
            }
        }

        return "public";
    }

    private static NetworkSpec CreateSpec(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        NetworkDefinition definition,
        AnalysisResult analysis,
        bool canGenerate,
        IEnumerable<string> otherMembers,
        CancellationToken cancellationToken)
    {
        var containing = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var syntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            containing.Insert(0, new ContainingTypeSpec(Keyword(syntax), NameWithTypeParameters(outer)));
        }

        // Private names avoid every member the user declared, and each other.
        var taken = new HashSet<string>(otherMembers.Concat(definition.Layers.Select(static l => l.Name)), StringComparer.Ordinal) { type.Name };
        // A layer written as a method has no field: forward calls the method itself.
        var fields = definition.Layers
            .Select(layer => LayerRules.For(layer.Kind).IsMethod ? Identifiers.Escape(layer.Name) : Identifiers.Escape(Identifiers.Unique("_" + Identifiers.Camel(layer.Name), taken)))
            .ToList();

        // forward's parameters must not hide the fields it reads.
        var parameters = new HashSet<string>(fields.Select(static f => f.TrimStart('@')), StringComparer.Ordinal) { "logits", "inputs", "device", "dtype", "seed" };
        var inputs = analysis.Inputs
            .Select((input, i) => new InputSpec(input.Name, ParameterName(input.Name, i, parameters), input.Type))
            .ToEquatableArray();
        // forward calls layers written as methods by name, so no local may take one.
        var locals = new HashSet<string>(inputs.Select(static i => i.ParameterName.TrimStart('@')), StringComparer.Ordinal) { "logits", "inputs" };
        locals.UnionWith(definition.Layers.Where(static layer => LayerRules.For(layer.Kind).IsMethod).Select(static layer => layer.Name));
        var layers = new List<LayerSpec>();
        for (var i = 0; i < definition.Layers.Count; i++)
        {
            var layer = definition.Layers[i];
            var result = analysis.Layers[i];
            var rule = LayerRules.For(layer.Kind);
            layers.Add(new LayerSpec(
                layer.Name,
                Identifiers.Escape(layer.Name),
                layer.Kind,
                rule.DisplayType(result.Config),
                layer.Member.DeclaredType ?? "object",
                layer.Member.Modifiers,
                layer.Member.IsPartialProperty && layer.Member.DeclaredType is not null,
                result.InputNames.ToEquatableArray(),
                result.Config,
                result.InputTypes.Count > 0 ? result.InputTypes[0] : null,
                result.Output.Type,
                result.Parameters.Total,
                result.Parameters.Trainable,
                result.IsUsed,
                fields[i],
                Identifiers.Escape(Identifiers.Unique(Identifiers.Camel(layer.Name), locals)),
                result.Trainable,
                result.Group,
                result.Links.ToEquatableArray(),
                result.ProvidesState ? Identifiers.Escape(Identifiers.Unique(Identifiers.Camel(layer.Name) + "State", locals)) : null));
        }

        var outputs = analysis.Outputs.Select(index => new OutputSpec(index, definition.Layers[index].Name, LogitsActivation(analysis, definition, index))).ToEquatableArray();
        var names = new GeneratedNames(
            Identifiers.Unique("s_description", taken),
            Identifiers.Unique("CreateDefaultCompileOptions", taken),
            Identifiers.Unique("Forward", taken),
            Identifiers.Unique("DeclarationErrors", taken),
            Identifiers.Unique("ThrowDeclarationErrors", taken));

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString(s_namespaceFormat) : null;
        var hintPrefix = string.Join(".", new[] { ns }.Concat(containing.Select(static c => c.Name)).Where(static s => s is not null));
        var hintName = (hintPrefix.Length > 0 ? hintPrefix + "." : string.Empty) + type.Name
            + (type.Arity > 0 ? "`" + type.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
        hintName = new string(hintName.Select(static c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray()) + ".g.cs";

        return new NetworkSpec(
            hintName,
            ns,
            containing.ToEquatableArray(),
            NameWithTypeParameters(type),
            Identifiers.Escape(type.Name),
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.Name,
            HasDocumentationSummary(type, cancellationToken),
            canGenerate,
            definition.Declaration,
            definition.OtherMembers,
            analysis.CompileError,
            inputs,
            layers.ToEquatableArray(),
            analysis.ExecutionOrder.ToEquatableArray(),
            outputs,
            EmittedCompile(analysis.Compile),
            names);
    }

    /// <summary>
    /// The compile configuration without the hyperparameters the optimizer does not have: they
    /// are reported (NG0210) and ignored, so adding one must not change the spec.
    /// </summary>
    private static CompileModel? EmittedCompile(CompileModel? compile) =>
        compile is null ? null : compile with { Settings = compile.Settings.Where(setting => OptimizerHyperparameters.Supports(compile.Optimizer, setting.Name)).ToEquatableArray() };

    /// <summary>
    /// The output layer's own last activation when the logits path can leave it out: sigmoid or
    /// softmax, and no other layer reads the output (it would need the activated values).
    /// </summary>
    private static ActivationKind LogitsActivation(AnalysisResult analysis, NetworkDefinition definition, int index)
    {
        var layer = definition.Layers[index];
        var readByOthers = analysis.Layers.Any(other => other.IsUsed && other.InputNames.Contains(layer.Name));
        return !readByOthers
            && analysis.Layers[index].Config is { } config
            && LayerRules.For(layer.Kind).Activation(config) is { Kind: ActivationKind.Sigmoid or ActivationKind.Softmax } activation
            ? activation.Kind
            : ActivationKind.Linear;
    }

    /// <summary>
    /// Whether the user documented the class: the generated table then goes in remarks only, so
    /// hovering shows their summary. Reads the trivia, which exists whatever the documentation mode.
    /// </summary>
    private static bool HasDocumentationSummary(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences
            .Select(reference => reference.GetSyntax(cancellationToken))
            .OfType<TypeDeclarationSyntax>()
            .Any(static declaration => declaration.GetLeadingTrivia().ToFullString().Contains("<summary>"));

    private static string Keyword(TypeDeclarationSyntax? syntax) => syntax switch
    {
        RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
        RecordDeclarationSyntax => "record",
        StructDeclarationSyntax => "struct",
        InterfaceDeclarationSyntax => "interface",
        _ => "class",
    };

    private static string NameWithTypeParameters(INamedTypeSymbol type) =>
        Identifiers.Escape(type.Name) + (type.TypeParameters.Length == 0 ? string.Empty : "<" + string.Join(", ", type.TypeParameters.Select(static p => Identifiers.Escape(p.Name))) + ">");

    /// <summary>forward's parameter for an input: its name in camel case when that is an identifier, else <c>input1</c>, <c>input2</c>...</summary>
    private static string ParameterName(string inputName, int index, HashSet<string> taken)
    {
        var candidate = Identifiers.Camel(inputName);
        if (!Identifiers.IsValid(candidate))
        {
            candidate = "input" + (index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Identifiers.Escape(Identifiers.Unique(candidate, taken));
    }

    /// <summary>
    /// A dropout rate of 0 written as a division of integers (<c>1 / 2</c>) is named in NG0216's message:
    /// the value analysis sees is the constant 0, the mistake is the expression.
    /// </summary>
    private static string[] WithExpression(Issue issue, Location location, CancellationToken cancellationToken)
    {
        var arguments = issue.Arguments.ToArray();
        if (issue.Kind == ProblemKind.ImplausibleDropoutRate
            && arguments.Length == 3
            && arguments[1] == "0"
            && location.SourceTree?.GetRoot(cancellationToken).FindNode(location.SourceSpan, findInsideTrivia: false, getInnermostNodeForTie: true) is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.DivideExpression } division
            && division.Left is LiteralExpressionSyntax { Token.Value: int } && division.Right is LiteralExpressionSyntax { Token.Value: int })
        {
            arguments[2] = $"'{division}' divides integers, which gives 0, so the layer drops nothing; write {division.Left}.0 / {division.Right} or the decimal rate";
        }

        return arguments;
    }

    private static Location AttributeLocation(AttributeData attribute, ISymbol member, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? member.Locations[0];

    /// <summary>What <see cref="ReadMembers"/> found: the definition, and the symbols the locator needs.</summary>
    private sealed class DeclaredMembers
    {
        public DeclaredMembers(
            NetworkDefinition definition,
            List<LayerSyntax> layers,
            Dictionary<string, ISymbol> others,
            List<AttributeData> inputAttributes,
            AttributeData? optimizerAttribute,
            List<(AttributeData Attribute, ISymbol Member)> extraLayerAttributes,
            List<(AttributeData Attribute, ISymbol Member)> unknownLayerAttributes)
        {
            UnknownLayerAttributes = unknownLayerAttributes;
            Definition = definition;
            Layers = layers;
            Others = others;
            InputAttributes = inputAttributes;
            OptimizerAttribute = optimizerAttribute;
            ExtraLayerAttributes = extraLayerAttributes;
        }

        public NetworkDefinition Definition { get; }

        public List<LayerSyntax> Layers { get; }

        public Dictionary<string, ISymbol> Others { get; }

        public List<AttributeData> InputAttributes { get; }

        public AttributeData? OptimizerAttribute { get; }

        /// <summary>The layer attributes after a member's first (NG0007).</summary>
        public List<(AttributeData Attribute, ISymbol Member)> ExtraLayerAttributes { get; }

        /// <summary>Attributes deriving from <c>LayerAttribute</c> that are no layer kind NetGen knows (NG0033).</summary>
        public List<(AttributeData Attribute, ISymbol Member)> UnknownLayerAttributes { get; }
    }
}
