namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The 21 kinds of mutation (reliability review, section 1). Each is a text edit located with
/// Roslyn's lexer or parser, never a rewrite of a known DSL construct, so the kinds keep working
/// when the attributes or the generated code change.
/// </summary>
internal enum MutationKind
{
    /// <summary>Remove one token.</summary>
    DeleteToken,

    /// <summary>Repeat one token after itself.</summary>
    DuplicateToken,

    /// <summary>Exchange two nearby tokens.</summary>
    SwapTokens,

    /// <summary>A numeric literal becomes 0, -1, huge, NaN, ±Inf, 1e309, <c>default</c>...</summary>
    ReplaceNumber,

    /// <summary>A string literal becomes a derived, reserved or generated-looking name, <c>""</c>, <c>null</c>, 5,000 characters...</summary>
    ReplaceString,

    /// <summary>The target of a <c>nameof</c> becomes another, derived, reserved or unknown name.</summary>
    ReplaceNameofTarget,

    /// <summary>Remove one attribute.</summary>
    DropAttribute,

    /// <summary>Add an attribute seen in some seed (or a foreign one) to a type or member.</summary>
    AddAttribute,

    /// <summary>Add a named argument (<c>Name = value</c>) to an attribute.</summary>
    AddNamedArgument,

    /// <summary>Remove a <c>partial</c> modifier.</summary>
    DropPartial,

    /// <summary>Replace a property's type.</summary>
    ChangePropertyType,

    /// <summary>Insert a lone surrogate, BOM, NUL, <c>#if</c>, a quote...</summary>
    InsertJunk,

    /// <summary>Cut the source short.</summary>
    Truncate,

    /// <summary>Rename a member (declaration only, or every use): keywords with <c>@</c>, <c>var</c>, case and underscore variants, generated names...</summary>
    RenameMember,

    /// <summary>Rename a type: <c>var</c>, <c>System</c>, <c>@class</c>, generic <c>N&lt;T&gt;</c>...</summary>
    RenameType,

    /// <summary>Add virtual, new, static, sealed, override, file, private...</summary>
    AddModifier,

    /// <summary>Remove one modifier.</summary>
    DropModifier,

    /// <summary>Replace a property's accessors: set, init, bodies, initializers...</summary>
    ChangeAccessors,

    /// <summary>class becomes record, struct, record struct, interface, static class...</summary>
    ChangeTypeKind,

    /// <summary><c>E.Member</c> in an attribute becomes an undefined cast <c>(E)99</c>, <c>default</c>, another member...</summary>
    ReplaceEnumValue,

    /// <summary>A collection in an attribute becomes <c>null</c>, <c>[default]</c>, <c>[(E)77]</c>, duplicates...</summary>
    ReplaceCollection,
}
