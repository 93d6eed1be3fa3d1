using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NetGen.Samples.Tests;

/// <summary>
/// Builds a user project with <c>dotnet build</c>, the generator and analyzers referenced the
/// way the NetGen package references them (as analyzers), and checks what a user sees.
/// </summary>
public sealed class RealBuildTests
{
    private static string RepositoryRoot =>
        typeof(RealBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(static a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void UserProjectBuildsWithGeneratedCodeAndReportsDiagnosticsAtTheirSpan()
    {
        var directory = Directory.CreateTempSubdirectory("netgen-user-project-").FullName;
        try
        {
            var source = File.ReadAllText(Path.Combine(RepositoryRoot, "samples", "BreastCancer", "CancerNet.cs"));
            File.WriteAllText(Path.Combine(directory, "CancerNet.cs"), source.Replace("[Dense(12, Activation.ReLU)]\n    public partial Linear Hidden2", "[Dense(1, Activation.Softmax)]\n    public partial Linear Hidden2"));
            File.WriteAllText(Path.Combine(directory, "Use.cs"), "public static class Use { public static long Count => NetGen.Samples.BreastCancer.CancerNet.ParameterCount; }\n");
            File.WriteAllText(Path.Combine(directory, "User.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{RepositoryRoot}src/Runtime/NetGen.Runtime.csproj" />
                    <ProjectReference Include="{RepositoryRoot}src/Generator/NetGen.Generator.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                    <ProjectReference Include="{RepositoryRoot}src/Analyzers/NetGen.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                  </ItemGroup>
                </Project>
                """);

            var (exitCode, output) = Run("dotnet", $"build \"{Path.Combine(directory, "User.csproj")}\" -nologo -clp:NoSummary -p:TreatWarningsAsErrors=false", directory);

            Assert.True(exitCode == 0, output);
            // Softmax on the one-unit Hidden2: the warning at the attribute (line 16, column 6 of the sample file).
            Assert.Contains("CancerNet.cs(16,6): warning NG0201: Layer 'Hidden2' applies softmax to a single unit", output);
            var generated = Directory.GetFiles(directory, "NetGen.Samples.BreastCancer.CancerNet.g.cs", SearchOption.AllDirectories);
            Assert.Single(generated);
            Assert.Contains("public const long ParameterCount = 387;", File.ReadAllText(generated[0]));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static (int ExitCode, string Output) Run(string fileName, string arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(fileName, arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("dotnet build did not finish in 5 minutes.\n" + stdout.Result);
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
