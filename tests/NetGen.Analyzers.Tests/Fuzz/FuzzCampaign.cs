using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Runs mutants 0..N-1 of a campaign seed on parallel workers. Workers are dedicated threads,
/// not thread-pool work items, because each blocks on its mutant's task while that task runs on
/// the pool: pool workers waiting on pool work would starve the pool and turn slowness into
/// false hangs. A mutant that hangs is run again alone at the end, so only a reproducible hang
/// is reported.
/// </summary>
internal static class FuzzCampaign
{
    /// <summary>Past this many hangs the machine is too busy (or the generator is looping everywhere): stop and report.</summary>
    private const int MaxHangs = 20;

    public static CampaignResult Run(FuzzSettings settings, IReadOnlyList<Seed> seeds, MutationVocabulary vocabulary)
    {
        var mutator = new Mutator(seeds, vocabulary);
        var outcomes = new MutantOutcome?[settings.Mutants];
        var next = -1;
        var hangs = 0;
        var stopwatch = Stopwatch.StartNew();

        void Work()
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < settings.Mutants && Volatile.Read(ref hangs) < MaxHangs)
            {
                var outcome = MutantRunner.Run(mutator.Create(settings.Seed, index), settings.Timeout);
                if ((outcome.Failures & FailureClass.Hang) != 0)
                {
                    Interlocked.Increment(ref hangs);
                }

                outcomes[index] = outcome.Passed ? outcome.Compact() : outcome;
            }
        }

        var workers = Enumerable.Range(0, settings.Workers)
            .Select(i => new Thread(Work) { IsBackground = true, Name = string.Create(CultureInfo.InvariantCulture, $"fuzz worker {i}") })
            .ToList();
        workers.ForEach(static w => w.Start());
        workers.ForEach(static w => w.Join());

        for (var i = 0; i < outcomes.Length; i++)
        {
            if (outcomes[i] is { } outcome && (outcome.Failures & FailureClass.Hang) != 0)
            {
                outcomes[i] = MutantRunner.Run(outcome.Mutant, settings.Timeout);
            }
        }

        var ran = outcomes.Where(static o => o is not null).Select(static o => o!).ToList();
        var result = new CampaignResult(settings, seeds.Count, ran, stopwatch.Elapsed, null);
        return result.Failures.Any() ? result with { SavedTo = Save(settings, result.Failures) } : result;
    }

    /// <summary>Runs each seed once, untimed, so JIT and first-binding costs are not charged to mutant 0.</summary>
    public static IReadOnlyList<MutantOutcome> WarmUp(IReadOnlyList<Seed> seeds) =>
        seeds.Select(static s => MutantRunner.Run(new Mutant("seed", s.Name, s.Text, []), TimeSpan.FromMinutes(1))).ToList();

    private static string Save(FuzzSettings settings, IEnumerable<MutantOutcome> failures)
    {
        var directory = Path.Combine(settings.FailureDirectory, string.Create(CultureInfo.InvariantCulture, $"seed-{settings.Seed}"));
        if (Directory.Exists(directory))
        {
            // Only this campaign's own folder: stale mutants from an earlier run would be replayed as if they were new.
            Directory.Delete(directory, recursive: true);
        }

        foreach (var failure in failures)
        {
            FailureArchive.Write(directory, failure);
        }

        return directory;
    }
}
