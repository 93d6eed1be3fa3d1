using System.Globalization;
using NetGen.Training;

namespace NetGen.Callbacks;

/// <summary>
/// Stops training as soon as the running loss is NaN or infinite. <c>Fit</c> prints the reason
/// after the (shortened) epoch's progress line. It reads the loss after every batch, which waits
/// for each step to finish on a GPU.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
    {
        var loss = logs.Loss;
        if (double.IsNaN(loss) || double.IsInfinity(loss))
        {
            context.StopTraining = true;
            context.StopReason = $"Batch {(batch + 1).ToString(CultureInfo.InvariantCulture)}: invalid loss {loss.ToString(CultureInfo.InvariantCulture)}, terminating training.";
        }
    }
}
