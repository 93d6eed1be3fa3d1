using System;
using System.IO;
using System.Linq;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Model;
using NetGen.Model.Layers;

namespace NetGen.Generator.Tests;

/// <summary>Every layer kind is emitted somewhere a reviewed snapshot shows it.</summary>
public sealed class LayerKindCoverageTests
{
    [Fact]
    public void EveryKindAppearsInAVerifiedSnapshot()
    {
        var snapshots = Directory.GetFiles(Path.Combine(Snapshot.RepositoryRoot, "tests", "NetGen.Generator.Tests", "Snapshots"), "*.verified.cs")
            .Select(File.ReadAllText)
            .ToList();

        var missing = Enum.GetValues<LayerKind>()
            .Select(LayerRules.For)
            .Where(rule => !snapshots.Any(text => rule.IsLossTerm
                ? text.Contains("global::NetGen.LossTerms.Add(this, ", StringComparison.Ordinal)
                : text.Contains($"new global::NetGen.LayerDescription(", StringComparison.Ordinal)
                    && (text.Contains($", \"{rule.TypeName}\", ", StringComparison.Ordinal)

                        // A sub-network's type column is its class; the constructor's comment names the kind.
                        || text.Contains($": {rule.TypeName}(", StringComparison.Ordinal))))
            .Select(static rule => rule.TypeName)
            .ToList();

        Assert.True(missing.Count == 0, "No verified snapshot emits: " + string.Join(", ", missing));
    }
}
