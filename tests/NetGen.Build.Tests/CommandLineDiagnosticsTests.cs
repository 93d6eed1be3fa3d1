using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NetGen.Build.Tests.Infrastructure;

namespace NetGen.Build.Tests;

/// <summary>
/// What <c>dotnet build</c> prints for a user's first mistakes. The command-line compiler runs no
/// analyzer once a compilation has an error, and these mistakes come with compiler errors (CS0751,
/// CS9248, CS0246), so NetGen's explanation is reported by the generator. Each test builds a small
/// project that uses NetGen as a user's does (the runtime as a reference, the generator and the
/// analyzers as analyzers): a few seconds each.
/// </summary>
public sealed class CommandLineDiagnosticsTests
{
    private const string Usings = "using NetGen;\nusing TorchSharp.Modules;\n";

    private const string Network = """
        namespace Demo;

        [Network(Loss = Loss.BinaryCrossentropy)]
        [Input(8)]
        public partial class DiabetesNet
        {
            [Dense(12, Activation.ReLU)] public partial Linear Hidden { get; }
            [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
        }
        """;

    [Fact]
    public void MissingPartial_ShowsNG0001AtTheClassName()
    {
        var output = Build(Usings + Network.Replace("public partial class", "public class"));

        Assert.Contains("Net.cs(7,14): error NG0001: Network 'DiabetesNet' must be declared partial, and so must every type that contains it", output);
        AssertNothingInGeneratedCode(output);
    }

    [Fact]
    public void MissingUsing_ShowsNG0034AtEachLayerType()
    {
        var output = Build("using NetGen;\n" + Network);

        Assert.Contains("Net.cs(8,49): error NG0034: Layer 'Hidden' is declared as 'Linear', which does not resolve; add 'using TorchSharp.Modules;' to the file, or write 'TorchSharp.Modules.Linear'", output);
        Assert.Contains("Net.cs(9,51): error NG0034: Layer 'Output' is declared as 'Linear', which does not resolve;", output);
        AssertNothingInGeneratedCode(output);
    }

    [Fact]
    public void EditorConfigCannotLowerAGeneratorReportedError()
    {
        // The generator's diagnostics go through the compiler's severity options like any other;
        // NetGen's are errors that block generation, marked NotConfigurable, so they stay errors.
        var output = Build(Usings + Network.Replace("public partial class", "public class"), "[*.cs]\ndotnet_diagnostic.NG0001.severity = none\n");

        Assert.Contains("Net.cs(7,14): error NG0001:", output);
    }

    [Fact]
    public void ValidNetwork_BuildsWithoutWarnings()
    {
        // The negative case: the same project with nothing wrong prints no NetGen line and no warning.
        var output = Build(Usings + Network, expectSuccess: true);

        Assert.DoesNotContain(": error ", output);
        Assert.DoesNotContain(": warning ", output);
    }

    private static void AssertNothingInGeneratedCode(string output)
    {
        var inGenerated = output.Split('\n').Where(static line => Regex.IsMatch(line, @"\.g\.cs\(\d+,\d+\): (error|warning) ")).ToList();
        Assert.True(inGenerated.Count == 0, "Errors or warnings in generated code:\n" + string.Join("\n", inGenerated));
    }

    /// <summary>Builds a project holding <paramref name="source"/> as Net.cs and returns what dotnet build printed.</summary>
    private static string Build(string source, string? editorConfig = null, bool expectSuccess = false)
    {
        using var directory = new TempDirectory();
        directory.Write("Net.cs", Encoding.UTF8.GetBytes(source));
        if (editorConfig is not null)
        {
            directory.Write(".editorconfig", Encoding.UTF8.GetBytes("root = true\n\n" + editorConfig));
        }

        var project = directory.Write("Consumer.csproj", Encoding.UTF8.GetBytes($"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <Reference Include="{Metadata("NetGenRuntimeAssembly")}" />
                <Reference Include="{typeof(TorchSharp.torch).Assembly.Location}" />
                <Analyzer Include="{Metadata("NetGenGeneratorAssembly")}" />
                <Analyzer Include="{Metadata("NetGenAnalyzersAssembly")}" />
              </ItemGroup>
            </Project>
            """));

        // Under `dotnet test` the SDK names its own host. No compiler server or build nodes are left behind.
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory.Path,
        };
        foreach (var argument in new[] { "build", project, "-nologo", "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var printed = output + error.Result;
        Assert.True(expectSuccess == (process.ExitCode == 0), $"dotnet build exited with {process.ExitCode}:\n{printed}");
        return printed;
    }

    private static string Metadata(string key)
    {
        var path = typeof(CommandLineDiagnosticsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
        Assert.True(File.Exists(path), $"{key}: {path} was not built");
        return path;
    }
}
