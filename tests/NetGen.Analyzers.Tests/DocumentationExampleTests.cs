using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// The example on each rule's page is run: the first C# block must report the rule and the
/// second, the fix, must compile cleanly with no NetGen diagnostic. A help page that shows
/// code the analyzer disagrees with would teach the wrong thing.
/// </summary>
public sealed class DocumentationExampleTests
{
    private static string DiagnosticsFolder => Path.Combine(
        typeof(DocumentationExampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "RepositoryRoot").Value!,
        "docs",
        "diagnostics");

    /// <summary>Every rule: the analyzers' and those the generator reports (the runs below see both).</summary>
    public static TheoryData<string> Ids => new(AnalyzerTestHelper.AllAnalyzers.SelectMany(static a => a.SupportedDiagnostics).Select(static d => d.Id)
        .Concat(Enum.GetValues<NetGen.Model.ProblemKind>().Where(NetGen.Model.ProblemReporting.IsReportedByGenerator).Select(static kind => DiagnosticDescriptors.For(kind).Id)));

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Example_ReportsTheRule(string id)
    {
        var (example, _) = Examples(id);
        var diagnostics = await RunAsync(Trees(example), new AnalyzerTestOptions());
        Assert.Contains(diagnostics, d => d.Id == id);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Fix_IsClean(string id)
    {
        var (_, fix) = Examples(id);
        var diagnostics = await RunAsync(Trees(fix), new AnalyzerTestOptions());
        Assert.True(diagnostics.IsEmpty, $"The fix on {id}.md reports:\n" + string.Join("\n", diagnostics.Select(static d => d.ToString())));
    }

    /// <summary>
    /// One tree per file: a block may show several files of a partial class, each starting with
    /// a <c>// File: Name.cs</c> line; the usings before the first one apply to every file.
    /// </summary>
    private static SyntaxTree[] Trees(string block)
    {
        var parts = Regex.Split(block, @"^// File: .*$", RegexOptions.Multiline);
        if (parts.Length == 1)
        {
            return new[] { CSharpSyntaxTree.ParseText(block, AnalyzerTestHelper.ParseOptions, PathOf(0)) };
        }

        return parts.Skip(1).Select((part, i) => CSharpSyntaxTree.ParseText(parts[0] + part, AnalyzerTestHelper.ParseOptions, PathOf(i))).ToArray();
    }

    private static (string Example, string Fix) Examples(string id)
    {
        var text = File.ReadAllText(Path.Combine(DiagnosticsFolder, id + ".md"));
        var blocks = Regex.Matches(text, @"```csharp\n(.*?)```", RegexOptions.Singleline).Select(static m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count == 2, $"{id}.md needs exactly two C# blocks: the example and its fix");
        return (blocks[0], blocks[1]);
    }
}
