using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Analyzers.Tests.Infrastructure;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>
/// Every sample is code written the right way, so every NetGen analyzer (the practice rules above all)
/// must stay silent on it: each sample project's sources, with the files it links, compiled with the
/// generator and the analyzers. A compiler error fails too, so no rule goes quiet on code that did not bind.
/// </summary>
public sealed class SampleSilenceTests
{
    private static string SamplesFolder => Path.Combine(
        typeof(SampleSilenceTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "RepositoryRoot").Value!,
        "samples");

    private static IReadOnlyList<string> SampleNames =>
        Directory.GetFiles(SamplesFolder, "*.csproj", SearchOption.AllDirectories)
            .Select(static project => Path.GetFileName(Path.GetDirectoryName(project)!))
            .OrderBy(static name => name, StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Samples => new(SampleNames);

    [Fact]
    public void EverySampleIsChecked() => Assert.True(SampleNames.Count >= 14, "the samples folder moved or lost its projects");

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_CompilesWithoutAnyNetGenDiagnostic(string sample)
    {
        var folder = Path.Combine(SamplesFolder, sample);
        var project = Directory.GetFiles(folder, "*.csproj").Single();
        var linked = Regex.Matches(File.ReadAllText(project), "<Compile Include=\"([^\"]+)\"")
            .Select(match => Path.GetFullPath(Path.Combine(folder, match.Groups[1].Value)));
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(static path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(linked)
            .ToList();
        Assert.NotEmpty(sources);

        var trees = sources.Select(path => CSharpSyntaxTree.ParseText(File.ReadAllText(path), AnalyzerTestHelper.ParseOptions, path)).ToList();
        var diagnostics = await AnalyzerTestHelper.RunAsync(trees, new AnalyzerTestOptions { OutputKind = OutputKind.ConsoleApplication, AdditionalReferences = SampleReferences.Value });
        Assert.True(diagnostics.IsEmpty, $"{sample}:\n" + string.Join("\n", diagnostics.Select(static d => d.ToString())));
    }

    /// <summary>What the samples reference besides the runtime: ScottPlot and the runtime's own dependencies.</summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> SampleReferences = new(static () =>
        new[] { typeof(ScottPlot.Plot), typeof(SkiaSharp.SKBitmap), typeof(TorchSharp.torchvision) }
            .Select(static type => (MetadataReference)MetadataReference.CreateFromFile(type.Assembly.Location))
            .ToList());
}
