using System.Diagnostics;
using System.Globalization;
using NetGen.Callbacks;
using NetGen.Training;

namespace NetGen.Samples.Autoencoder;

/// <summary>A progress line every few steps, between the epoch lines.</summary>
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
                $"  step {step,5}: loss {logs.Loss:F4} ({_clock.Elapsed.TotalSeconds:F0} s)"));
        }
    }
}
