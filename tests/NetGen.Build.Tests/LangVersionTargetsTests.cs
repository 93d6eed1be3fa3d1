using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using NetGen.Build.Tests.Infrastructure;

namespace NetGen.Build.Tests;

/// <summary>
/// The language version a project referencing the NetGen package compiles with. The project is
/// evaluated by the SDK's MSBuild with the package's build/NetGen.targets imported after the SDK's
/// targets, where NuGet imports it too, so the default LangVersion has been chosen when it runs.
/// </summary>
public sealed class LangVersionTargetsTests
{
    private static readonly string s_packageTargets = Path.Combine(
        typeof(LangVersionTargetsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "PackageBuildFolder").Value!,
        "NetGen.targets");

    [Theory]
    // net8.0 defaults to C# 12, which has no partial properties: raised to the 13 they need.
    [InlineData("net8.0", "", "13.0")]
    // Newer frameworks keep their own default.
    [InlineData("net10.0", "", "14.0")]
    // A version the project chose is kept.
    [InlineData("net8.0", "<LangVersion>latest</LangVersion>", "latest")]
    [InlineData("net8.0", "<LangVersion>preview</LangVersion>", "preview")]
    // The switch turns the raise off.
    [InlineData("net8.0", "<NetGenRaiseLangVersion>false</NetGenRaiseLangVersion>", "12.0")]
    public void Consumer_compiles_with(string framework, string projectProperties, string expected)
    {
        using var directory = new TempDirectory();
        var project = directory.Write("Consumer.csproj", System.Text.Encoding.UTF8.GetBytes($"""
            <Project>
              <Import Project="Sdk.props" Sdk="Microsoft.NET.Sdk" />
              <PropertyGroup>
                <TargetFramework>{framework}</TargetFramework>
                {projectProperties}
              </PropertyGroup>
              <Import Project="Sdk.targets" Sdk="Microsoft.NET.Sdk" />
              <Import Project="{s_packageTargets}" />
            </Project>
            """));

        Assert.Equal(expected, EvaluateProperty(project, "LangVersion"));
    }

    private static string EvaluateProperty(string project, string property)
    {
        // Under `dotnet test` the SDK names its own host; the same SDK then evaluates the project.
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var argument in new[] { "msbuild", project, "-nologo", $"-getProperty:{property}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"dotnet msbuild failed:\n{output}\n{error}");
        return output.Trim();
    }
}
