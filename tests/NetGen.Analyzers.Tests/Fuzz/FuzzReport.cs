using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The campaign report: counts per failure class and observation, timings, then per failing
/// class its root causes (signature and count) and its 3 shortest mutants with their diagnostics.
/// With reduction on, one shrunken example per root cause follows.
/// </summary>
internal static class FuzzReport
{
    private const int ShortestPerClass = 3;
    private const int MaxSourceChars = 1500;
    private const int MaxDetailLines = 25;

    public static string Summary(CampaignResult result)
    {
        var s = result.Settings;
        var times = result.Outcomes.Select(static o => o.Elapsed.TotalMilliseconds).Order().ToList();
        var slowest = result.Outcomes.MaxBy(static o => o.Elapsed);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"NetGen fuzz: seed {s.Seed}, {result.Outcomes.Count} of {s.Mutants} mutants from {result.SeedCount} seeds, {s.Workers} workers, {result.Elapsed.TotalSeconds:F1} s");
        if (times.Count > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"per mutant: median {Percentile(times, 0.5):F0} ms, 99th percentile {Percentile(times, 0.99):F0} ms, slowest {times[^1]:F0} ms ({slowest!.Mutant.Id})");
        }

        text.AppendLine("failures (break the invariant):");
        foreach (var failure in Enum.GetValues<FailureClass>().Where(static f => f != FailureClass.None))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {failure,-24}{result.Outcomes.Count(o => (o.Failures & failure) != 0),7}");
        }

        text.AppendLine("observations (allowed):");
        foreach (var observation in Enum.GetValues<Observation>().Where(static o => o != Observation.None))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {observation,-32}{result.Outcomes.Count(o => (o.Observations & observation) != 0),7}");
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"  {"ok",-32}{result.Outcomes.Count(static o => o.Passed),7}");
        if (result.SavedTo is { } saved)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"failing mutants saved to {saved} (replay: NETGEN_FUZZ_REPLAY={saved})");
        }

        return text.ToString();
    }

    public static string Failures(IReadOnlyList<MutantOutcome> outcomes, FuzzSettings settings)
    {
        var text = new StringBuilder();
        foreach (var failure in Enum.GetValues<FailureClass>().Where(static f => f != FailureClass.None))
        {
            var failing = outcomes.Where(o => (o.Failures & failure) != 0).ToList();
            if (failing.Count == 0)
            {
                continue;
            }

            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"== {failure}: {failing.Count} ==");
            var causes = failing.GroupBy(o => o.Signatures[failure], StringComparer.Ordinal).OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal).ToList();
            text.AppendLine("root causes:");
            foreach (var cause in causes)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  {cause.Count(),5}  {cause.Key}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"{Math.Min(ShortestPerClass, failing.Count)} shortest:");
            foreach (var outcome in failing.OrderBy(static o => o.Mutant.Text.Length).ThenBy(static o => o.Mutant.Id, StringComparer.Ordinal).Take(ShortestPerClass))
            {
                Append(text, outcome, outcome.Mutant);
            }

            if (settings.Reduce)
            {
                text.AppendLine("one reduced example per root cause:");
                foreach (var cause in causes)
                {
                    // Prefer a mutant whose own code compiles: its reduction stays valid C#.
                    var shortest = cause
                        .OrderBy(static o => (o.Observations & Observation.UserErrors) != 0)
                        .ThenBy(static o => o.Mutant.Text.Length)
                        .ThenBy(static o => o.Mutant.Id, StringComparer.Ordinal)
                        .First();
                    var reduced = MutantReducer.Reduce(shortest, failure, settings.Timeout);
                    Append(text, MutantRunner.Run(reduced, settings.Timeout), reduced);
                }
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, MutantOutcome outcome, Mutant mutant)
    {
        text.AppendLine(CultureInfo.InvariantCulture, $"--- {mutant.Id} from {mutant.SeedName}, {mutant.Text.Length} chars, {outcome.Failures} ---");
        foreach (var mutation in mutant.Mutations)
        {
            text.AppendLine("  mutation: " + mutation);
        }

        var source = mutant.Text.Length <= MaxSourceChars ? mutant.Text : mutant.Text.Substring(0, MaxSourceChars) + "\n... (cut)";
        text.AppendLine(Escape(source).TrimEnd());
        text.AppendLine("  diagnostics:");
        foreach (var detail in outcome.Details.Take(MaxDetailLines))
        {
            text.AppendLine("    " + detail);
        }

        if (outcome.Details.Count > MaxDetailLines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    ... {outcome.Details.Count - MaxDetailLines} more");
        }
    }

    /// <summary>Invisible and unprintable characters shown as <c>\uXXXX</c> so a report can be read and copied.</summary>
    private static string Escape(string text) => string.Concat(text.Select(static c =>
        (char.IsControl(c) && c is not '\n' and not '\t') || char.IsSurrogate(c) || c is '\uFEFF' or '\u200B' or '\u2028' or '\u0085' or '\u00A0'
            ? string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}")
            : c.ToString()));

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}
