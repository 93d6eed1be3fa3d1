using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;

namespace NetGen.Model.Parsing;

/// <summary>
/// Reads a <c>[Network]</c> class from Roslyn symbols into a <see cref="NetworkDefinition"/>,
/// runs <see cref="NetworkAnalysis"/>, and returns the spec to emit plus the problems at their spans.
/// Never throws on incomplete code: what cannot be read is left out and reported by the compiler.
/// </summary>
internal static class NetworkParser
{
    public static NetworkParseResult Parse(INamedTypeSymbol type, KnownTypes knownTypes, CancellationToken cancellationToken)
    {
        var problems = ImmutableArray.CreateBuilder<Problem>();
        var networkAttribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.NetworkAttribute));
        var declaration = FindDeclaration(type, networkAttribute, cancellationToken);
        var nameLocation = declaration is null ? Location.None : declaration.Identifier.GetLocation();

        var isPartial = IsPartialAllTheWay(type, cancellationToken);
        if (!isPartial)
        {
            problems.Add(new Problem(ProblemKind.NetworkMustBePartial, nameLocation, type.Name));
        }

        var inputAttribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.InputAttribute));
        var optimizerAttribute = type.GetAttributes().FirstOrDefault(a => KnownTypes.Is(a.AttributeClass, knownTypes.OptimizerAttribute));
        var (inputShape, inputName) = ReadInput(inputAttribute);
        if (inputAttribute is null)
        {
            problems.Add(new Problem(ProblemKind.MissingInput, nameLocation, type.Name));
        }

        var members = new List<(ISymbol Member, AttributeData Attribute, LayerKind Kind)>();
        foreach (var member in OrderedMembers(type))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var layerAttributes = member.GetAttributes()
                .Select(attribute => (Attribute: attribute, Kind: knownTypes.LayerKindOf(attribute.AttributeClass)))
                .Where(static pair => pair.Kind is not null)
                .ToList();
            if (layerAttributes.Count == 0)
            {
                continue;
            }

            foreach (var extra in layerAttributes.Skip(1))
            {
                problems.Add(new Problem(ProblemKind.MultipleLayerAttributes, AttributeLocation(extra.Attribute, member, cancellationToken), member.Name));
            }

            members.Add((member, layerAttributes[0].Attribute, layerAttributes[0].Kind!.Value));
        }

        var layers = members.Select(m => ReadLayer(m.Member, m.Attribute, m.Kind)).ToEquatableArray();
        var compile = ReadCompile(networkAttribute, optimizerAttribute);
        var definition = new NetworkDefinition(type.Name, inputName, inputShape, layers, compile);
        var analysis = NetworkAnalysis.Analyze(definition);

        var locator = new SiteLocator(nameLocation, inputAttribute, networkAttribute, optimizerAttribute, members.Select(m => (m.Member, m.Attribute)).ToList(), cancellationToken);
        foreach (var issue in analysis.Issues)
        {
            problems.Add(new Problem(issue.Kind, locator.Locate(issue.Site), issue.Arguments));
        }

        var canGenerate = analysis.CanGenerate && problems.All(static p => p.Kind != ProblemKind.MultipleLayerAttributes && p.Kind != ProblemKind.MissingInput);
        var spec = isPartial && declaration is not null
            ? CreateSpec(type, declaration, definition, analysis, canGenerate, cancellationToken)
            : null;
        return new NetworkParseResult(spec, problems.ToImmutable());
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

    /// <summary>Members in declaration order across partial files (file path, then position).</summary>
    private static IEnumerable<ISymbol> OrderedMembers(INamedTypeSymbol type) =>
        type.GetMembers()
            .Where(static member => !member.IsImplicitlyDeclared && member.Locations.Length > 0 && member.Locations[0].IsInSource)
            .OrderBy(static member => member.Locations[0].SourceTree?.FilePath ?? string.Empty, System.StringComparer.Ordinal)
            .ThenBy(static member => member.Locations[0].SourceSpan.Start);

    private static (EquatableArray<int>? Shape, string Name) ReadInput(AttributeData? attribute)
    {
        var name = "input";
        if (attribute is null)
        {
            return (null, name);
        }

        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Name" && argument.Value.Value is string text && text.Length > 0)
            {
                name = text;
            }
        }

        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1
            || attribute.ConstructorArguments[0].Kind != TypedConstantKind.Array)
        {
            // Incomplete while typing: the compiler reports it; analysis treats the input as unknown.
            return (null, name);
        }

        var values = attribute.ConstructorArguments[0].Values;
        if (values.Any(static v => v.Value is not int))
        {
            return (null, name);
        }

        return (values.Select(static v => (int)v.Value!).ToEquatableArray(), name);
    }

    private static LayerDefinition ReadLayer(ISymbol member, AttributeData attribute, LayerKind kind)
    {
        var complete = attribute.AttributeConstructor is not null
            && attribute.ConstructorArguments.All(static a => a.Kind != TypedConstantKind.Error)
            && attribute.NamedArguments.All(static a => a.Value.Kind != TypedConstantKind.Error);

        var hyperparameters = new LayerHyperparameters();
        var inputs = new List<string>();
        var isMerge = kind is LayerKind.Add or LayerKind.Concatenate;
        string? ignoredFrom = null;
        if (complete)
        {
            var parameters = attribute.AttributeConstructor!.Parameters;
            for (var i = 0; i < parameters.Length && i < attribute.ConstructorArguments.Length; i++)
            {
                hyperparameters = Apply(hyperparameters, parameters[i].Name, attribute.ConstructorArguments[i], inputs, ref complete);
            }

            foreach (var named in attribute.NamedArguments)
            {
                if (isMerge && named.Key == "From")
                {
                    ignoredFrom = named.Value.Value as string;
                    continue;
                }

                hyperparameters = Apply(hyperparameters, named.Key, named.Value, inputs, ref complete);
            }
        }

        var declaredType = member switch
        {
            IPropertySymbol property when property.Type.TypeKind != TypeKind.Error => property.Type.ToDisplayString(s_typeFormat),
            IFieldSymbol field when field.Type.TypeKind != TypeKind.Error => field.Type.ToDisplayString(s_typeFormat),
            _ => null,
        };
        var isPartialProperty = member is IPropertySymbol
        {
            IsPartialDefinition: true, IsStatic: false, SetMethod: null, GetMethod: not null, IsIndexer: false,
        };

        return new LayerDefinition(
            member.Name,
            kind,
            inputs.ToEquatableArray(),
            hyperparameters,
            declaredType,
            AccessibilityText(member.DeclaredAccessibility),
            isPartialProperty,
            complete,
            ignoredFrom);
    }

    private static readonly SymbolDisplayFormat s_typeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    private static LayerHyperparameters Apply(LayerHyperparameters h, string name, TypedConstant value, List<string> inputs, ref bool complete)
    {
        switch (name)
        {
            case "units" when value.Value is int units:
                return h with { Units = units };
            case "activation" or "Activation" when value.Value is int activation:
                return h with { Activation = (ActivationKind)activation };
            case "UseBias" when value.Value is bool useBias:
                return h with { UseBias = useBias };
            case "Alpha" when value.Value is double alpha:
                return h with { Alpha = alpha };
            case "rate" when value.Value is double rate:
                return h with { Rate = rate };
            case "Momentum" when value.Value is double momentum:
                return h with { Momentum = momentum };
            case "Epsilon" when value.Value is double epsilon:
                return h with { Epsilon = epsilon };
            case "Axis" when value.Value is int axis:
                return h with { Axis = axis };
            case "From":
                if (value.Value is string from)
                {
                    inputs.Clear();
                    inputs.Add(from);
                }

                return h;
            case "inputs" when value.Kind == TypedConstantKind.Array:
                foreach (var element in value.Values)
                {
                    if (element.Value is string input)
                    {
                        inputs.Add(input);
                    }
                    else
                    {
                        complete = false;
                    }
                }

                return h;
            default:
                return h;
        }
    }

    private static CompileDefinition ReadCompile(AttributeData? network, AttributeData? optimizer)
    {
        var loss = LossKind.None;
        var metrics = new List<MetricKind>();
        OptimizerKind? networkOptimizer = null;
        var settings = new List<OptimizerSetting>();
        foreach (var argument in network?.NamedArguments ?? ImmutableArray<KeyValuePair<string, TypedConstant>>.Empty)
        {
            switch (argument.Key)
            {
                case "Loss" when argument.Value.Value is int value:
                    loss = (LossKind)value;
                    break;
                case "Metrics" when argument.Value.Kind == TypedConstantKind.Array:
                    metrics.AddRange(argument.Value.Values.Where(static v => v.Value is int).Select(static v => (MetricKind)(int)v.Value!));
                    break;
                case "Optimizer" when argument.Value.Value is int value:
                    networkOptimizer = (OptimizerKind)value;
                    break;
                case "LearningRate" when argument.Value.Value is double value && !double.IsNaN(value):
                    settings.Add(new OptimizerSetting("LearningRate", value, OnNetworkAttribute: true));
                    break;
            }
        }

        var kind = networkOptimizer ?? OptimizerKind.Adam;
        if (optimizer is not null)
        {
            if (optimizer.ConstructorArguments.Length == 1 && optimizer.ConstructorArguments[0].Value is int optimizerKind)
            {
                kind = (OptimizerKind)optimizerKind;
            }

            foreach (var argument in optimizer.NamedArguments)
            {
                var value = argument.Value.Value switch
                {
                    double number => number,
                    bool flag => flag ? 1.0 : 0.0,
                    _ => double.NaN,
                };
                if (double.IsNaN(value) || (argument.Key == "Nesterov" && value == 0))
                {
                    continue;
                }

                // [Optimizer]'s learning rate is the more specific one and wins over [Network]'s.
                if (argument.Key == "LearningRate")
                {
                    settings.RemoveAll(static s => s.Name == "LearningRate");
                }

                settings.Add(new OptimizerSetting(argument.Key, value, OnNetworkAttribute: false));
            }
        }

        return new CompileDefinition(loss, metrics.ToEquatableArray(), kind, networkOptimizer, optimizer is not null, settings.ToEquatableArray());
    }

    private static NetworkSpec CreateSpec(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        NetworkDefinition definition,
        AnalysisResult analysis,
        bool canGenerate,
        CancellationToken cancellationToken)
    {
        var containing = new List<ContainingTypeSpec>();
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            var syntax = outer.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            containing.Insert(0, new ContainingTypeSpec(Keyword(syntax), NameWithTypeParameters(outer)));
        }

        var layers = new List<LayerSpec>();
        for (var i = 0; i < definition.Layers.Count; i++)
        {
            var layer = definition.Layers[i];
            var result = analysis.Layers[i];
            layers.Add(new LayerSpec(
                layer.Name,
                layer.Kind,
                LayerRules.For(layer.Kind).TypeName,
                layer.DeclaredType ?? "object",
                layer.Accessibility,
                layer.IsPartialProperty && layer.DeclaredType is not null,
                result.InputNames.ToEquatableArray(),
                layer.Hyperparameters,
                result.InputShapes.Count > 0 ? result.InputShapes[0] : null,
                result.OutputShape,
                result.Parameters.Total,
                result.Parameters.Trainable));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } containingNamespace ? containingNamespace.ToDisplayString() : null;
        var hintPrefix = string.Join(".", new[] { ns }.Concat(containing.Select(static c => c.Name)).Where(static s => s is not null));
        var hintName = (hintPrefix.Length > 0 ? hintPrefix + "." : string.Empty) + type.Name
            + (type.Arity > 0 ? "`" + type.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty) + ".g.cs";
        hintName = new string(hintName.Select(static c => char.IsLetterOrDigit(c) || c is '.' or '_' ? c : '_').ToArray());
        hintName = hintName.Substring(0, hintName.Length - ".g_cs".Length) + ".g.cs";

        return new NetworkSpec(
            hintName,
            ns,
            containing.ToEquatableArray(),
            NameWithTypeParameters(type),
            type.Name,
            HasDocumentationSummary(type, cancellationToken),
            canGenerate,
            definition.InputName,
            ParameterName(definition.InputName),
            definition.InputShape is { } shape && shape.Count > 0 && shape.All(static d => d > 0) ? new TensorShape(shape) : null,
            layers.ToEquatableArray(),
            analysis.ExecutionOrder.ToEquatableArray(),
            new CompileSpec(definition.Compile.Loss, definition.Compile.Metrics, definition.Compile.Optimizer, definition.Compile.Settings));
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
        type.TypeParameters.Length == 0 ? type.Name : type.Name + "<" + string.Join(", ", type.TypeParameters.Select(static p => p.Name)) + ">";

    /// <summary>The forward parameter: the input's name when it is a usable identifier.</summary>
    private static string ParameterName(string inputName)
    {
        var candidate = inputName.Length == 0 ? "input" : char.ToLowerInvariant(inputName[0]) + inputName.Substring(1);
        if (!SyntaxFacts.IsValidIdentifier(candidate))
        {
            return "input";
        }

        return SyntaxFacts.GetKeywordKind(candidate) != SyntaxKind.None
            ? "@" + candidate
            : candidate;
    }

    private static string AccessibilityText(Accessibility accessibility) => accessibility switch
    {
        Accessibility.Public => "public",
        Accessibility.Internal => "internal",
        Accessibility.Protected => "protected",
        Accessibility.ProtectedOrInternal => "protected internal",
        Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static Location AttributeLocation(AttributeData attribute, ISymbol member, CancellationToken cancellationToken) =>
        attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? member.Locations[0];
}
