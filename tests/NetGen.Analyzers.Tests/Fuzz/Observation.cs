using System;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>Allowed by the invariant, counted in the report because they explain the failures around them.</summary>
[Flags]
internal enum Observation
{
    None = 0,

    /// <summary>The user's own code has compile errors.</summary>
    UserErrors = 1 << 0,

    /// <summary>An analyzer reported an NG error.</summary>
    NgError = 1 << 1,

    /// <summary>The generator caused compile errors next to an NG error. Allowed, but csc skips analyzers when there are errors, so a command-line build shows only the CS errors.</summary>
    GeneratedErrorsDespiteNgError = 1 << 2,

    /// <summary>The generator caused compile errors in a project whose own code has errors.</summary>
    GeneratedErrorsWithUserErrors = 1 << 3,

    /// <summary>A placeholder was generated (with an NG or user error, or it would be a failure).</summary>
    Placeholder = 1 << 4,

    /// <summary>No source was generated at all.</summary>
    NothingGenerated = 1 << 5,

    /// <summary>
    /// Roslyn threw compiling the mutant alone, before any generator ran (a compiler bug: seen
    /// with Roslyn 4.14 on <c>record public static partial class { ... }</c>, a type with no name).
    /// Nothing NetGen does can change it, so the mutant is not judged.
    /// </summary>
    CompilerCrashOnUserCode = 1 << 6,
}
