using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;

namespace NetGen.Ide.Tests.Infrastructure;

/// <summary>
/// A copy of <c>Fixture/</c> in a fresh temporary directory: a user's project that references this
/// repository's runtime, generator and analyzers (built in this test run's configuration), restored so
/// an MSBuild workspace can load it. Removed on dispose.
/// </summary>
internal sealed class FixtureProject : IDisposable
{
    private FixtureProject(string directory) => Directory = directory;

    public string Directory { get; }

    public static string RepositoryRoot { get; } = Metadata("NetGenRoot");

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    public static FixtureProject Create()
    {
        var directory = Path.Combine(Path.GetTempPath(), "netgen-ide-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var fixture = new FixtureProject(directory);
        try
        {
            foreach (var file in System.IO.Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixture")))
            {
                File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
            }

            // Outside the repository its Directory.Build.props does not apply; this one says where NetGen is.
            File.WriteAllText(Path.Combine(directory, "Directory.Build.props"), $"""
                <Project>
                  <PropertyGroup>
                    <NetGenRoot>{RepositoryRoot}</NetGenRoot>
                    <NetGenConfiguration>{Metadata("Configuration")}</NetGenConfiguration>
                  </PropertyGroup>
                </Project>
                """);
            fixture.Restore();
            return fixture;
        }
        catch
        {
            fixture.Dispose();
            throw;
        }
    }

    /// <summary>An MSBuild workspace evaluates a project against its assets file, which only a restore writes.</summary>
    private void Restore()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "restore", "IdeFixture.csproj", "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
        var errors = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'dotnet restore' of the fixture project failed ({process.ExitCode}):\n{output}\n{errors.Result}");
        }
    }

    private static string Metadata(string key) =>
        typeof(FixtureProject).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no '{key}' metadata.");

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting server; the temporary directory is cleaned by the system.
        }
    }
}
