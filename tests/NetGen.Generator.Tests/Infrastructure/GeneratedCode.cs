using System.Linq;
using System.Runtime.CompilerServices;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>The snapshot workflow every generator snapshot test follows.</summary>
internal static class GeneratedCode
{
    /// <summary>
    /// Generates from <paramref name="sources"/> (strictly: no errors), compares every generated
    /// file with its baseline, then re-runs the driver on a clone of the compilation and asserts
    /// every tracked step was cached.
    /// </summary>
    public static GeneratorRun Verify(string[] sources, string? parameters = null, bool strict = true, [CallerFilePath] string callerFile = "", [CallerMemberName] string method = "")
    {
        var compilation = GeneratorTestHelper.CreateCompilation(sources);
        var run = strict ? GeneratorTestHelper.RunStrict(sources) : GeneratorTestHelper.Run(compilation);
        run.AssertNoGeneratorException();
        Snapshot.Verify(run.Sources.Select(static s => (s.HintName, s.SourceText.ToString())), parameters, callerFile, method);

        var rerun = GeneratorTestHelper.Run((Microsoft.CodeAnalysis.CSharp.CSharpCompilation)compilation.Clone(), run.Driver);
        IncrementalAssert.AllCached(rerun.Driver);
        return run;
    }
}
