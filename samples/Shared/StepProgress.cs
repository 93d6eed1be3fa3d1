using System.Diagnostics;
using System.Globalization;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Training;

namespace NetGen.Samples;

/// <summary>
/// A progress line every few hundred steps, with the loss and every metric and value the step logged: an
/// epoch of Fashion-MNIST is hundreds to thousands of steps and takes minutes on a CPU, too long
/// to wait for the epoch line, too many for a line per step.
/// </summary>
internal sealed class StepProgress(int every) : Callback
{
    private readonly Stopwatch _clock = new();

    public override void OnEpochBegin(TrainingContext context, int epoch) => _clock.Restart();

    public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
    {
        var step = batch + 1;
        if (step % every == 0)
        {
            // The loss first (a GAN logs none: its two losses come as the step logged them).
            var values = logs.All()
                .OrderBy(static entry => entry.Key == "loss" ? 0 : 1)
                .Select(static entry => string.Create(CultureInfo.InvariantCulture, $"{entry.Key} {entry.Value:F4}"));
            context.Output?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  step {step,5}: {string.Join(", ", values)} ({_clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }
}
