using System;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Ways a mutant breaks the invariant: the generator and analyzers never throw or hang, and
/// the generated code compiles whenever the user's own code does, unless an NG error at the
/// user's code says why it cannot. A mutant can carry several.
/// </summary>
[Flags]
internal enum FailureClass
{
    None = 0,

    /// <summary>A generator threw (<c>GeneratorRunResult.Exception</c>, CS8785): every network in the project loses its code.</summary>
    GeneratorException = 1 << 0,

    /// <summary>An analyzer threw (onAnalyzerException, AD0001): its diagnostics are lost.</summary>
    AnalyzerException = 1 << 1,

    /// <summary>Generator, analyzers and compiler together took longer than the per-mutant limit.</summary>
    Hang = 1 << 2,

    /// <summary>
    /// The generator caused compile errors (in generated code, or new errors in the user's code)
    /// although the user's code has no error of its own and no analyzer reported an NG error.
    /// </summary>
    Cascade = 1 << 3,

    /// <summary>
    /// A member the generator owes an implementation (see <see cref="NetGenConventions.IsGeneratorOwed"/>)
    /// was left unimplemented (CS9248), with no user error and no NG error: the generator skipped it silently.
    /// </summary>
    MissingImplementation = 1 << 4,

    /// <summary>A placeholder was generated although there is no NG error and no user error: the build is clean and the first use throws.</summary>
    SilentPlaceholder = 1 << 5,

    /// <summary>The harness itself (or Roslyn) threw: a bug to fix here, not a verdict on NetGen.</summary>
    HarnessException = 1 << 6,
}
