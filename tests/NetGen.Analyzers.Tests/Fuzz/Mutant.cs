using System.Collections.Generic;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>A seed with its mutations applied.</summary>
/// <param name="Id">Campaign seed and index (<c>11-000042</c>), or the replayed file's name.</param>
internal sealed record Mutant(string Id, string SeedName, string Text, IReadOnlyList<string> Mutations);
