using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Model;

namespace NetGen.Analyzers.Tests;

/// <summary>
/// The catalogue is a product: every ID is unique, well-formed, tracked for release, documented,
/// reachable from a problem kind, and consistent everywhere it appears.
/// </summary>
public sealed class DescriptorCatalogueTests
{
    private static readonly string[] s_categories = { "NetGen.Structure", "NetGen.Shape", "NetGen.Configuration", "NetGen.Practice" };

    private static readonly IReadOnlyList<(string Field, DiagnosticDescriptor Descriptor)> s_descriptors =
        typeof(DiagnosticDescriptors)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(static field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(static field => (field.Name, (DiagnosticDescriptor)field.GetValue(null)!))
            .ToList();

    private static string RepositoryRoot =>
        typeof(DescriptorCatalogueTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(static a => a.Key == "RepositoryRoot").Value!;

    private static string RepositoryFile(params string[] parts) => Path.Combine(new[] { RepositoryRoot }.Concat(parts).ToArray());

    public static TheoryData<string> Ids => new(s_descriptors.Select(static d => d.Descriptor.Id));

    [Fact]
    public void Ids_AreUniqueAndWellFormed()
    {
        Assert.Equal(s_descriptors.Count, s_descriptors.Select(static d => d.Descriptor.Id).Distinct().Count());
        Assert.All(s_descriptors, static d => Assert.Matches(@"^NG\d{4}$", d.Descriptor.Id));
    }

    [Fact]
    public void Analyzers_SupportExactlyTheCatalogue_EachRuleOnce()
    {
        // The declaration's analyzer supports what the network model finds but the few the generator reports
        // (ProblemReporting.IsReportedByGenerator); the analyzers over user code the rest.
        var generators = Enum.GetValues<ProblemKind>().Where(ProblemReporting.IsReportedByGenerator).Select(static kind => DiagnosticDescriptors.For(kind).Id);
        var supported = NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper.AllAnalyzers.SelectMany(static a => a.SupportedDiagnostics).Select(static d => d.Id).Concat(generators).OrderBy(static id => id, StringComparer.Ordinal);
        Assert.Equal(s_descriptors.Select(static d => d.Descriptor.Id).OrderBy(static id => id, StringComparer.Ordinal), supported);
        Assert.Equal(
            Enum.GetValues<ProblemKind>().Where(static kind => !DiagnosticDescriptors.IsFoundInUserCode(kind) && !ProblemReporting.IsReportedByGenerator(kind)).Select(static kind => DiagnosticDescriptors.For(kind).Id).OrderBy(static id => id, StringComparer.Ordinal),
            new NetworkAnalyzer().SupportedDiagnostics.Select(static d => d.Id).OrderBy(static id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void EveryProblemKind_MapsToTheDescriptorOfItsNameAndNumber()
    {
        foreach (var kind in Enum.GetValues<ProblemKind>())
        {
            var descriptor = DiagnosticDescriptors.For(kind);
            Assert.Equal(kind.ToString(), s_descriptors.Single(d => ReferenceEquals(d.Descriptor, descriptor)).Field);

            // ProblemKind values are the ID numbers (NG0201 is 201), so the enum documents the mapping by itself.
            Assert.Equal("NG" + ((int)kind).ToString("D4", CultureInfo.InvariantCulture), descriptor.Id);
        }

        Assert.Equal(Enum.GetValues<ProblemKind>().Length, s_descriptors.Count);
    }

    [Fact]
    public void ErrorsAndOnlyErrorsAffectTheGeneratedClass()
    {
        // An error either blocks the module (a placeholder is generated) or disables training;
        // warnings and notes leave the generated class as declared. Checked at a layer and at a
        // configuration site, since a bad value's effect depends on where it is written.
        // A rule about the code that uses a network (NG0123, NG0126, NG03xx) never touches the class, even as an error.
        foreach (var kind in Enum.GetValues<ProblemKind>())
        {
            var isError = DiagnosticDescriptors.For(kind).DefaultSeverity == DiagnosticSeverity.Error;
            if (DiagnosticDescriptors.IsFoundInUserCode(kind))
            {
                Assert.Equal(ProblemEffect.None, ProblemEffects.Of(kind, Site.LayerAttribute(0)));
                continue;
            }

            foreach (var site in new[] { Site.LayerAttribute(0), Site.NetworkArgument("Loss") })
            {
                Assert.True(isError == (ProblemEffects.Of(kind, site) != ProblemEffect.None), $"{kind} at {site}: severity and effect disagree");
            }
        }
    }

    [Fact]
    public void OnlyErrorsThatCanBlockGenerationAreNotConfigurable()
    {
        foreach (var kind in Enum.GetValues<ProblemKind>())
        {
            var descriptor = DiagnosticDescriptors.For(kind);
            var blocks = new[] { Site.LayerAttribute(0), Site.NetworkArgument("Loss") }.Any(site => ProblemEffects.Of(kind, site) == ProblemEffect.BlocksGeneration);
            Assert.True(blocks == ProblemEffects.CanBlockGeneration(kind), $"{kind}: CanBlockGeneration disagrees with its effects");
            Assert.True(blocks == descriptor.CustomTags.Contains(WellKnownDiagnosticTags.NotConfigurable), $"{descriptor.Id}: configurable exactly when it cannot block generation");

            // The page says what the user can do: lower it in .editorconfig, or nothing.
            var page = File.ReadAllText(RepositoryFile("docs", "diagnostics", descriptor.Id + ".md"));
            Assert.True(blocks == page.Contains("cannot be lowered or suppressed", StringComparison.Ordinal), $"{descriptor.Id}.md: the severity section");
            Assert.True(blocks != page.Contains($"dotnet_diagnostic.{descriptor.Id}.severity", StringComparison.Ordinal), $"{descriptor.Id}.md: the severity section");
        }
    }

    [Fact]
    public void Descriptors_FollowTheHouseRules()
    {
        Assert.All(s_descriptors, static d =>
        {
            var descriptor = d.Descriptor;
            Assert.True(descriptor.IsEnabledByDefault, descriptor.Id);
            Assert.Contains(descriptor.Category, s_categories);

            // The hundreds digit is the family: NG00xx structure, NG01xx shape, NG02xx configuration, NG03xx practice.
            Assert.Equal(s_categories[descriptor.Id[3] - '0'], descriptor.Category);
            Assert.Equal($"https://github.com/netgen-dev/netgen/blob/main/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);

            var title = descriptor.Title.ToString(CultureInfo.InvariantCulture);
            var message = descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture);
            Assert.False(string.IsNullOrWhiteSpace(title), descriptor.Id);
            Assert.False(title.EndsWith('.'), descriptor.Id + ": titles are noun phrases without a period");
            Assert.False(message.EndsWith('.'), descriptor.Id + ": Roslyn messages end without a period");
        });
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void HelpLink_PointsToAPageThatDescribesTheRule(string id)
    {
        var descriptor = s_descriptors.Single(d => d.Descriptor.Id == id).Descriptor;
        var page = RepositoryFile("docs", "diagnostics", id + ".md");
        Assert.True(File.Exists(page), $"{page} is missing");

        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: {descriptor.Title}", text, StringComparison.Ordinal);
        Assert.Contains($"| Severity | {SeverityName(descriptor.DefaultSeverity)} |", text, StringComparison.Ordinal);
        Assert.Contains($"| Category | {descriptor.Category} |", text, StringComparison.Ordinal);
        // The severity section (configurable or not) is checked by OnlyErrorsThatCanBlockGenerationAreNotConfigurable.
    }

    [Fact]
    public void DocsIndex_ListsEveryRuleAndNoOther()
    {
        var text = File.ReadAllText(RepositoryFile("docs", "diagnostics", "README.md"));
        var listed = Regex.Matches(text, @"^\| \[(NG\d{4})\]\(NG\d{4}\.md\) \|", RegexOptions.Multiline).Select(static m => m.Groups[1].Value);
        Assert.Equal(s_descriptors.Select(static d => d.Descriptor.Id).OrderBy(static id => id, StringComparer.Ordinal), listed.OrderBy(static id => id, StringComparer.Ordinal));

        var pages = Directory.GetFiles(RepositoryFile("docs", "diagnostics"), "NG*.md").Select(static path => Path.GetFileNameWithoutExtension(path)!);
        Assert.Equal(s_descriptors.Select(static d => d.Descriptor.Id).OrderBy(static id => id, StringComparer.Ordinal), pages.OrderBy(static id => id, StringComparer.Ordinal));
    }

    [Fact]
    public void ReleaseTracking_ListsEveryRuleWithItsCategoryAndSeverity()
    {
        // Release tracking (RS2000-RS2008) already fails the analyzer build on a mismatch;
        // this keeps the promise visible even when that analyzer is switched off.
        var shipped = ReleaseRows(RepositoryFile("src", "Analyzers", "AnalyzerReleases.Shipped.md"));
        var unshipped = ReleaseRows(RepositoryFile("src", "Analyzers", "AnalyzerReleases.Unshipped.md"));
        var rows = shipped.Concat(unshipped).ToList();

        Assert.Equal(rows.Count, rows.Select(static r => r.Id).Distinct().Count());
        Assert.All(s_descriptors, d =>
        {
            var row = Assert.Single(rows, r => r.Id == d.Descriptor.Id);
            Assert.Equal(d.Descriptor.Category, row.Category);
            Assert.Equal(SeverityName(d.Descriptor.DefaultSeverity), row.Severity);
        });
        Assert.Equal(s_descriptors.Count, rows.Count);
    }

    private static string SeverityName(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Info => "Info",
        DiagnosticSeverity.Hidden => "Hidden",
        _ => severity.ToString(),
    };

    private static List<(string Id, string Category, string Severity)> ReleaseRows(string path) =>
        File.ReadAllLines(path)
            .Select(static line => line.Split('|', StringSplitOptions.TrimEntries))
            .Where(static cells => cells.Length >= 3 && Regex.IsMatch(cells[0], @"^NG\d{4}$"))
            .Select(static cells => (cells[0], cells[1], cells[2]))
            .ToList();
}
