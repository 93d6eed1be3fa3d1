using System;

namespace NetGen.Callbacks;

/// <summary>
/// Sets the learning rate at the start of every epoch from a function of the epoch (0-based)
/// and the current rate, as Keras's <c>LearningRateScheduler</c>, on every parameter group, and
/// logs it as <c>learning_rate</c>.
/// </summary>
/// <remarks>
/// A rate that is negative, NaN or infinite stops training with an error naming the epoch
/// (Keras only checks that the function returns a float); zero is allowed, to freeze the
/// weights for a while. Epochs count from 0 in every <c>Fit</c>: NetGen has no
/// <c>initial_epoch</c>. The optimizer, and so the current rate, carries over from one
/// <c>Fit</c> to the next, as a Keras model's does.
/// </remarks>
/// <example>
/// Keep the rate for ten epochs, then decrease it exponentially (Keras's example):
/// <code>new LearningRateScheduler((epoch, rate) => epoch &lt; 10 ? rate : rate * Math.Exp(-0.1))</code>
/// </example>
public sealed class LearningRateScheduler : Callback
{
    private readonly Func<int, double, double> _schedule;

    /// <summary>Creates the callback.</summary>
    /// <param name="schedule">The new learning rate from the epoch (0-based) and the current rate.</param>
    /// <param name="verbose">Print Keras's "setting learning rate" line every epoch to <c>Fit</c>'s output.</param>
    public LearningRateScheduler(Func<int, double, double> schedule, bool verbose = false)
    {
        _schedule = schedule ?? throw new ArgumentNullException(nameof(schedule));
        Verbose = verbose;
    }

    /// <summary>Whether the rate is printed every epoch.</summary>
    public bool Verbose { get; }

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context, int epoch) =>
        LearningRates.Apply(context, _schedule(epoch, context.LearningRate), epoch, nameof(LearningRateScheduler), Verbose);
}
