using System.Globalization;

namespace NetGen.Callbacks;

/// <summary>
/// Stops training as soon as a batch loss is NaN or infinite. <c>Fit</c> prints the reason
/// after the (shortened) epoch's progress line.
/// </summary>
public sealed class TerminateOnNaN : Callback
{
    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context, int batch, double loss)
    {
        if (double.IsNaN(loss) || double.IsInfinity(loss))
        {
            context.StopTraining = true;
            context.StopReason = $"Batch {(batch + 1).ToString(CultureInfo.InvariantCulture)}: invalid loss {loss.ToString(CultureInfo.InvariantCulture)}, terminating training.";
        }
    }
}
