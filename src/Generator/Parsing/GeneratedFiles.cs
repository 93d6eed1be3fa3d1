using System;

namespace NetGen.Parsing;

/// <summary>Recognizes the files NetGen's generator added to a compilation (the analyzer sees them).</summary>
internal static class GeneratedFiles
{
    /// <summary>
    /// Roslyn names a generated tree <c>{generator assembly}/{generator type}/{hint name}</c> under
    /// the project's generated-files folder; this part of the path is NetGen's generator.
    /// </summary>
    private const string GeneratorFolder = "NetGen.Generator.NetworkGenerator";

    public static bool IsNetGens(string path) =>
        path.IndexOf(GeneratorFolder, StringComparison.Ordinal) >= 0;
}
