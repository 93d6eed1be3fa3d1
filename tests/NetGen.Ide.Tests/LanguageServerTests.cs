using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using NetGen.Ide.Tests.Infrastructure;
using NetGen.Shared;
using Xunit.Abstractions;

namespace NetGen.Ide.Tests;

/// <summary>
/// The IDE path, end to end: csharp-ls (a real language server, over stdio) loads a user's project that
/// references NetGen as the samples do (<c>Fixture/</c>) and shows what an editor shows: the generated
/// summary on hover, NetGen's diagnostics at their exact ranges, and new diagnostics after an edit.
/// </summary>
public sealed class LanguageServerTests(ITestOutputHelper output)
{
    private const string NetworkFile = "CancerNet.cs";
    private const string ProgramFile = "Program.cs";

    /// <summary>The fixture's summary, made by the formatter the generator uses: Dense 30 -> 12 -> 1 (weights and biases).</summary>
    private static readonly string ExpectedSummary = SummaryTable.Format(
        "CancerNet",
        [
            new SummaryRow("Hidden (Dense)", "(None, 12)", (30 * 12) + 12, ""),
            new SummaryRow("Output (Dense)", "(None, 1)", (12 * 1) + 1, ""),
        ],
        showConnections: false,
        total: (30 * 12) + 12 + (12 * 1) + 1,
        trainable: (30 * 12) + 12 + (12 * 1) + 1);

    [Fact]
    public async Task CSharpLs_ShowsTheGeneratedSummaryAndNetGenDiagnostics_AndAnEditUpdatesThem()
    {
        var clock = Stopwatch.StartNew();
        using var fixture = FixtureProject.Create();
        var networkPath = fixture.PathOf(NetworkFile);
        var programPath = fixture.PathOf(ProgramFile);
        var network = fixture.Read(NetworkFile);
        var program = fixture.Read(ProgramFile);
        output.WriteLine($"fixture copied and restored: {clock.Elapsed.TotalSeconds:0.0} s");

        using var server = await CSharpLanguageServer.StartAsync(FixtureProject.RepositoryRoot, fixture.Directory, analyzersEnabled: true);
        server.Open(networkPath, network);
        server.Open(programPath, program);

        // A network rule on the declaration, at the layer's attribute.
        var softmaxOnOneUnit = LspRange.Of(network, "Dense(1, Activation.Softmax)");
        var networkDiagnostics = await server.WaitForDiagnosticsAsync(networkPath, "NG0201", static d => d.Any(x => x.Code == "NG0201"));
        var ng0201 = Assert.Single(networkDiagnostics, static d => d.Code == "NG0201");
        Assert.Equal(softmaxOnOneUnit, ng0201.Range);
        Assert.Equal(LspSeverity.Warning, ng0201.Severity);
        Assert.StartsWith("Layer 'Output' applies softmax to a single unit", ng0201.Message, System.StringComparison.Ordinal);
        output.WriteLine($"NG0201 published: {clock.Elapsed.TotalSeconds:0.0} s");

        // A practice rule in the code that uses the network, at the validation data.
        var programDiagnostics = await server.WaitForDiagnosticsAsync(programPath, "NG0301", static d => d.Any(x => x.Code == "NG0301"));
        var ng0301 = Assert.Single(programDiagnostics, static d => d.Code == "NG0301");
        Assert.Equal(LspRange.Of(program, "validationData: (xTest, yTest)", "(xTest, yTest)"), ng0301.Range);
        Assert.Equal(LspSeverity.Warning, ng0301.Severity);
        Assert.StartsWith("Validation data '(xTest, yTest)' is also passed to the final Evaluate of 'model'", ng0301.Message, System.StringComparison.Ordinal);

        // The fixture compiles in the server's workspace: the runtime is referenced and the generated class is there.
        Assert.DoesNotContain(networkDiagnostics.Concat(programDiagnostics), static d => d.Severity == LspSeverity.Error);

        // Hovering the class shows the generated XML doc: the summary table the formatter makes for these layers.
        var hover = await server.WaitForHoverAsync(networkPath, ClassName(network), ExpectedSummary);
        Assert.Contains(ExpectedSummary, hover.ReplaceLineEndings("\n"), System.StringComparison.Ordinal);
        output.WriteLine($"hover shows the summary: {clock.Elapsed.TotalSeconds:0.0} s");

        // Typing the fix (Softmax -> Sigmoid) removes NG0201; the practice rule in the other file stays.
        var programPublications = server.PublishCount(programPath);
        server.Change(networkPath, version: 2, LspRange.Of(network, "Dense(1, Activation.Softmax)", "Softmax"), "Sigmoid");
        var fixedDiagnostics = await server.WaitForDiagnosticsAsync(networkPath, "diagnostics without NG0201", static d => d.All(x => x.Code != "NG0201"));
        Assert.DoesNotContain(fixedDiagnostics, static d => d.Severity == LspSeverity.Error);
        var programAfterEdit = await server.WaitForDiagnosticsAsync(programPath, "NG0301 after the edit", static d => d.Any(x => x.Code == "NG0301"), after: programPublications);
        Assert.Equal(ng0301, Assert.Single(programAfterEdit, static d => d.Code == "NG0301"));
        output.WriteLine($"edit applied, NG0201 gone, NG0301 kept: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task CSharpLs_WithItsAnalyzersSettingOff_GeneratesButReportsNoNetGenDiagnostic()
    {
        using var fixture = FixtureProject.Create();
        var networkPath = fixture.PathOf(NetworkFile);
        var network = fixture.Read(NetworkFile);

        using var server = await CSharpLanguageServer.StartAsync(FixtureProject.RepositoryRoot, fixture.Directory, analyzersEnabled: false);
        server.Open(networkPath, network);

        // The generator runs without the setting (the hover shows its summary), so the project is loaded...
        await server.WaitForHoverAsync(networkPath, ClassName(network), ExpectedSummary);

        // ...and diagnostics computed after that, on an edit, carry none of NetGen's: what docs/ide.md warns about.
        var published = server.PublishCount(networkPath);
        server.Change(networkPath, version: 2, LspRange.Of(network, "[Dense(12, Activation.ReLU)]", "12"), "16");
        var diagnostics = await server.WaitForDiagnosticsAsync(networkPath, "diagnostics after the edit", static _ => true, after: published);
        Assert.DoesNotContain(diagnostics, static d => d.Code?.StartsWith("NG", System.StringComparison.Ordinal) == true);
        Assert.DoesNotContain(diagnostics, static d => d.Severity == LspSeverity.Error);
    }

    /// <summary>The class name in its declaration, where an editor's hover shows the type's documentation.</summary>
    private static LspPosition ClassName(string network) => LspRange.Of(network, "class CancerNet", "CancerNet").Start;
}
