using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// What mutations draw from. Most of it is harvested, not written down: attributes, named
/// arguments, enum members and property types from the seeds, and every identifier the generator
/// emits for the seeds (so a layer can be renamed to a generated field, method or local whatever
/// the emitter calls them after a rewrite). The fixed pools add hostile values no seed contains.
/// </summary>
internal sealed class MutationVocabulary
{
    public static readonly IReadOnlyList<string> Numbers =
    [
        "0", "-1", "1", "2", "3", "0.5", "-0.0", "1e-45", "1e-300", "1e308", "1e309", "-1e309",
        "2147483647", "-2147483648", "4294967296", "2e9", "100000", "65536", "1_000_000", "0x7FFFFFFF",
        "int.MaxValue", "int.MinValue", "long.MaxValue", "double.MaxValue", "double.Epsilon",
        "double.NaN", "double.PositiveInfinity", "double.NegativeInfinity", "float.NaN", "float.MaxValue",
        "1.0 / 0", "0.0 / 0", "-(-1)", "1 << 31", "unchecked((int)0x80000000)", "sizeof(int)",
        "default", "null", "'a'", "true", "1m", "1f", "1L", "\"12\"",
    ];

    public static readonly IReadOnlyList<string> FixedStrings =
    [
        "\"\"", "null", "default", "\" \"", "\"input\"", "\"\\0\"", "\"\\uD800\"", "\"a b\"", "\"1abc\"",
        "\"class\"", "\"@class\"", "\"this\"", "\"forward\"", "\"a.b\"", "\"\\\"\"", "\"\\n\"", "\"\u00FC\"",
        "$\"{1}\"", "\"\"\"raw\"\"\"", "\"a\" + \"b\"", "@\"verbatim\"", "nameof(System)",
        "\"" + new string('x', 5000) + "\"",
    ];

    /// <summary>Reserved, base-class, keyword-like and odd identifiers (generated ones are harvested).</summary>
    public static readonly IReadOnlyList<string> FixedNames =
    [
        "forward", "Forward", "input", "Input", "output", "training", "Dispose", "ToString", "GetHashCode",
        "Equals", "GetType", "Finalize", "MemberwiseClone", "Item", "Main", "System", "NetGen", "TorchSharp",
        "global", "var", "dynamic", "value", "field", "nameof", "_", "__", "x", "T", "Name", "Layers",
        "Modules", "Network", "Tensor", "Shape", "@class", "@int", "@this", "@default", "@var", "@forward",
        "\\u0041bc", "Ab\u0301c", "\u00C4pfel", "s_x", "_x", "x" + new string('y', 300),
    ];

    public static readonly IReadOnlyList<string> FixedTypeNames =
    [
        "var", "System", "NetGen", "TorchSharp", "Network", "Linear", "Tensor", "torch", "Module",
        "Input", "Dense", "Layers", "@class", "@int", "dynamic", "_", "T", "N<T>", "N<T, U>", "Äpfel", "\\u0041bc",
    ];

    public static readonly IReadOnlyList<string> FixedPropertyTypes =
    [
        "BatchNorm2d", "BatchNorm3d", "ReLU", "Sigmoid", "Tanh", "Conv2d", "Sequential", "Identity", "Embedding",
        "LSTM", "Unflatten", "AlphaDropout", "Linear?", "Linear[]", "ref Linear", "ref readonly Linear", "object",
        "dynamic", "var", "int", "string", "TorchSharp.torch.nn.Module",
        "TorchSharp.torch.nn.Module<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>", "global::TorchSharp.Modules.Linear",
        "System.Lazy<Linear>", "System.Collections.Generic.List<Linear>", "(Linear, Linear)", "Linear*", "Missing",
        "NetGen.Network", "System.Action", "delegate*<void>", "Add", "Concatenate", "Flatten?",
    ];

    public static readonly IReadOnlyList<string> Modifiers =
    [
        "public", "private", "protected", "internal", "protected internal", "private protected", "file", "static",
        "virtual", "override", "new", "sealed", "abstract", "extern", "readonly", "required", "unsafe", "volatile",
        "const", "async", "ref", "partial", "scoped",
    ];

    public static readonly IReadOnlyList<string> Accessors =
    [
        "{ get; set; }", "{ set; }", "{ init; }", "{ get; init; }", "{ get; private set; }", "{ private get; set; }",
        "{ internal get; }", "{ }", "{ get; get; }", "{ get => null!; }", "{ get { return null!; } }", "=> null!;",
        "{ get; } = null!;", "{ get => field; }", "{ get => field ??= null!; }",
    ];

    public static readonly IReadOnlyList<string> TypeKinds =
    [
        "record", "record class", "struct", "record struct", "readonly struct", "ref struct", "interface",
        "static class", "abstract class", "sealed class", "enum",
    ];

    public static readonly IReadOnlyList<string> Junk =
    [
        "\uD800", "\uDC00", "\uFEFF", "\0", "\u200B", "\u0085", "\u2028", "\u00A0", "\r", "\t",
        "#if X\n", "#if DEBUG\n", "#endif\n", "\n#else\n", "\n#region r\n", "\n#nullable disable\n",
        "\n#pragma warning disable\n", "\n#line 1 \"other.cs\"\n", "\"", "'", "@", "\\", "/*", "*/", "//",
        "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "$", "`", "#",
    ];

    public static readonly IReadOnlyList<string> ForeignAttributes =
    [
        "System.Obsolete", "System.Serializable", "System.Diagnostics.DebuggerDisplay(\"x\")",
        "System.Runtime.CompilerServices.CompilerGenerated", "System.CodeDom.Compiler.GeneratedCode(\"x\", \"1\")",
    ];

    private static readonly Lazy<MutationVocabulary> s_fromSeeds = new(static () =>
        Build(SeedCorpus.All.Select(static s => s.Text), SeedCorpus.All.SelectMany(static s => MutantRunner.Generate(s.Text))));

    /// <summary>The vocabulary of <see cref="SeedCorpus.All"/>.</summary>
    public static MutationVocabulary FromSeeds => s_fromSeeds.Value;

    private MutationVocabulary(
        IReadOnlyList<string> attributes,
        IReadOnlyList<string> namedArguments,
        IReadOnlyList<string> argumentNames,
        IReadOnlyList<string> enumMembers,
        IReadOnlyList<string> propertyTypes,
        IReadOnlyList<string> generatedNames)
    {
        Attributes = attributes;
        NamedArguments = namedArguments;
        ArgumentNames = argumentNames;
        EnumMembers = enumMembers;
        PropertyTypes = propertyTypes;
        GeneratedNames = generatedNames;
    }

    /// <summary>Every attribute written in a seed, e.g. <c>Dense(12, Activation.ReLU)</c>, plus a few foreign ones.</summary>
    public IReadOnlyList<string> Attributes { get; }

    /// <summary>Every named attribute argument written in a seed, e.g. <c>Axis = 1</c>.</summary>
    public IReadOnlyList<string> NamedArguments { get; }

    /// <summary>The names of those arguments, to pair with hostile values.</summary>
    public IReadOnlyList<string> ArgumentNames { get; }

    /// <summary>Every <c>Type.Member</c> used as an attribute argument in a seed, e.g. <c>Activation.ReLU</c>.</summary>
    public IReadOnlyList<string> EnumMembers { get; }

    /// <summary>Property types from the seeds and the fixed pool.</summary>
    public IReadOnlyList<string> PropertyTypes { get; }

    /// <summary>Every identifier in the code generated for the seeds.</summary>
    public IReadOnlyList<string> GeneratedNames { get; }

    /// <summary>Harvests the vocabulary from the seeds and from the code generated for them.</summary>
    public static MutationVocabulary Build(IEnumerable<string> seedTexts, IEnumerable<string> generatedTexts)
    {
        var roots = seedTexts.Select(static text => CSharpSyntaxTree.ParseText(text, MutantRunner.ParseOptions).GetRoot()).ToList();
        var attributes = roots.SelectMany(static r => r.DescendantNodes().OfType<AttributeSyntax>()).Select(static a => a.ToString());
        var named = roots.SelectMany(static r => r.DescendantNodes().OfType<AttributeArgumentSyntax>()).Where(static a => a.NameEquals is not null).ToList();
        var enumMembers = roots.SelectMany(static r => r.DescendantNodes().OfType<MemberAccessExpressionSyntax>())
            .Where(static m => m.Expression is IdentifierNameSyntax && m.FirstAncestorOrSelf<AttributeArgumentSyntax>() is not null)
            .Select(static m => m.ToString());
        var types = roots.SelectMany(static r => r.DescendantNodes().OfType<PropertyDeclarationSyntax>()).Select(static p => p.Type.ToString());
        var generated = generatedTexts
            .SelectMany(static text => SyntaxFactory.ParseTokens(text))
            .Where(static t => t.IsKind(SyntaxKind.IdentifierToken))
            .Select(static t => t.Text);

        return new MutationVocabulary(
            Distinct(attributes.Concat(ForeignAttributes)),
            Distinct(named.Select(static a => a.ToString())),
            Distinct(named.Select(static a => a.NameEquals!.Name.Identifier.Text)),
            Distinct(enumMembers),
            Distinct(types.Concat(FixedPropertyTypes)),
            Distinct(generated));
    }

    private static IReadOnlyList<string> Distinct(IEnumerable<string> items) =>
        items.Distinct(StringComparer.Ordinal).OrderBy(static s => s, StringComparer.Ordinal).ToList();
}
