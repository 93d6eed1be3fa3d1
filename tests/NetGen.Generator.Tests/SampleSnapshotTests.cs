using System.IO;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>The generated source of every sample's network, as users see it on F12.</summary>
public sealed class SampleSnapshotTests
{
    public static TheoryData<string> SampleNetworks()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(Snapshot.RepositoryRoot, "samples"), "*.cs", SearchOption.AllDirectories)
                     .Where(static f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)
                         && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)
                         && File.ReadAllText(f).Contains("[Network("))
                     .OrderBy(static f => f, System.StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(Path.Combine(Snapshot.RepositoryRoot, "samples"), file).Replace('\\', '/'));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SampleNetworks))]
    public void Sample(string file)
    {
        var source = File.ReadAllText(Path.Combine(Snapshot.RepositoryRoot, "samples", file));
        var run = GeneratedCode.Verify(new[] { source }, parameters: Path.GetFileNameWithoutExtension(file));
        // One generated file per network the sample file declares (an autoencoder's encoder,
        // decoder and full model live together, since the full model refers to the other two).
        Assert.Equal(System.Text.RegularExpressions.Regex.Matches(source, @"^\[Network\b", System.Text.RegularExpressions.RegexOptions.Multiline).Count, run.Sources.Count);
    }
}
