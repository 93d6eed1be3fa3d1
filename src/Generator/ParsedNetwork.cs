using NetGen.Model;

namespace NetGen.Generator;

/// <summary>
/// What the generator's parse step keeps of one <c>[Network]</c> class: the spec to emit (null when the
/// class cannot be generated at all, as when it is not partial) and the problems the generator reports
/// (<see cref="ProblemReporting.IsReportedByGenerator"/>). Plain values, so an unrelated edit leaves it equal.
/// </summary>
internal sealed record ParsedNetwork(NetworkSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
