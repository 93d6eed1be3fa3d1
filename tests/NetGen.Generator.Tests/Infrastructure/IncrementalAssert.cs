using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Assertions on how the tracked incremental steps ran.</summary>
internal static class IncrementalAssert
{
    public static readonly string[] TrackedSteps = { TrackingNames.Networks, TrackingNames.Specs, TrackingNames.UniqueSpecs };

    /// <summary>Reasons of every output of a tracked step in the last run.</summary>
    public static IReadOnlyList<IncrementalStepRunReason> Reasons(GeneratorDriver driver, string step) =>
        driver.GetRunResult().Results
            .SelectMany(result => result.TrackedSteps.TryGetValue(step, out var runs) ? runs : Enumerable.Empty<IncrementalGeneratorRunStep>())
            .SelectMany(static run => run.Outputs)
            .Select(static output => output.Reason)
            .ToList();

    /// <summary>Every tracked output is Cached or Unchanged: nothing would be re-emitted.</summary>
    public static void AllCached(GeneratorDriver driver)
    {
        foreach (var step in TrackedSteps)
        {
            var reasons = Reasons(driver, step);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {step} ran with reason {reason}."));
        }
    }
}
