namespace NetGen.Model;

/// <summary>Which of NetGen's two components reports a problem kind: the generator or the analyzer, never both.</summary>
internal static class ProblemReporting
{
    /// <summary>
    /// Whether the generator reports <paramref name="kind"/> (and the analyzer does not). These are the
    /// declarations NetGen cannot implement: a class or containing type that is not partial (NG0001), a
    /// layer that is no partial get-only instance property (NG0005), a declaration form NetGen cannot
    /// generate, such as a static class (NG0013), and a layer whose type does not resolve (NG0034).
    /// </summary>
    /// <remarks>
    /// Each of them leaves the compiler's own errors (CS0751, CS9248, CS0246) in the build, and the
    /// command-line compiler runs no analyzer once a compilation has an error: reported by an analyzer,
    /// NetGen's explanation would appear in the IDE only. Generator diagnostics are reported whatever
    /// the errors. They are all errors that block generation, so they are <c>NotConfigurable</c> either way.
    /// </remarks>
    public static bool IsReportedByGenerator(ProblemKind kind) => kind
        is ProblemKind.NetworkMustBePartial
        or ProblemKind.LayerMemberMustBePartialProperty
        or ProblemKind.UnsupportedNetworkDeclaration
        or ProblemKind.UnresolvedLayerType;
}
