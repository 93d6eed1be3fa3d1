using System.Diagnostics;
using System.Globalization;
using NetGen.Callbacks;
using NetGen.Training;

namespace NetGen.Samples.FashionCnn;

/// <summary>
/// A progress line every few hundred steps: an epoch of the full set is some 1,700 steps and
/// takes minutes on a CPU, too long to wait for the epoch line, too many for a line per step.
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
            context.Output?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  step {step,5}: loss {logs.Loss:F4}, accuracy {logs["accuracy"]:F4} ({_clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }
}
