using System;
using System.Collections.Generic;
using System.Globalization;

namespace NetGen.Callbacks;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> when a monitored value has stopped
/// improving, with Keras's semantics: after <see cref="Patience"/> epochs without an
/// improvement larger than <see cref="MinDelta"/> the rate of every parameter group becomes
/// <c>max(rate * factor, minLearningRate)</c>; then <see cref="Cooldown"/> epochs pass before
/// epochs without improvement count again. The rate each epoch trained with is logged as
/// <c>learning_rate</c>.
/// </summary>
/// <remarks>
/// <para>
/// As in Keras: NaN is never an improvement (so a diverging run's rate is reduced); nothing is
/// reduced once the rate is at <see cref="MinLearningRate"/>; the state is reset at the start of
/// every <c>Fit</c>, while the reduced rate stays with the optimizer.
/// </para>
/// <para>
/// Where NetGen differs: Auto mode is up for names ending in <c>accuracy</c> or <c>auc</c>, as
/// for <see cref="EarlyStopping"/>, where Keras's <c>ReduceLROnPlateau</c> looks for <c>acc</c>
/// anywhere in the name; a monitored value that is not logged is an error, where Keras warns
/// every epoch and never reduces; <see cref="MinDelta"/> is taken as a magnitude, as by
/// <see cref="EarlyStopping"/>.
/// </para>
/// </remarks>
public sealed class ReduceLROnPlateau : Callback
{
    /// <summary>Creates the callback (Keras's defaults).</summary>
    /// <param name="monitor">The logged value watched, e.g. <c>val_loss</c>.</param>
    /// <param name="factor">The multiplier applied to the rate at each reduction; in (0, 1).</param>
    /// <param name="patience">Epochs without improvement before a reduction; zero or more.</param>
    /// <param name="mode">Whether <paramref name="monitor"/> should go down or up; Auto is up for accuracy and AUC.</param>
    /// <param name="minDelta">Smallest change that counts as an improvement.</param>
    /// <param name="cooldown">Epochs after a reduction during which epochs without improvement are not counted; zero or more.</param>
    /// <param name="minLearningRate">The rate is never reduced below this; zero or more.</param>
    /// <param name="verbose">Print Keras's "reducing learning rate" line at each reduction to <c>Fit</c>'s output.</param>
    public ReduceLROnPlateau(
        string monitor = "val_loss",
        double factor = 0.1,
        int patience = 10,
        MonitorMode mode = MonitorMode.Auto,
        double minDelta = 1e-4,
        int cooldown = 0,
        double minLearningRate = 0,
        bool verbose = false)
    {
        if (!(factor > 0 && factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be in (0, 1): the new rate is rate * factor.");
        }

        if (patience < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(patience), patience, "Patience must be zero or positive.");
        }

        if (cooldown < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cooldown), cooldown, "The cooldown must be zero or positive.");
        }

        if (!(minLearningRate >= 0 && double.IsFinite(minLearningRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(minLearningRate), minLearningRate, "The minimum learning rate must be a finite number, zero or more.");
        }

        if (!double.IsFinite(minDelta))
        {
            throw new ArgumentOutOfRangeException(nameof(minDelta), minDelta, "minDelta must be a finite number.");
        }

        Monitor = Monitoring.CheckMonitor(monitor, nameof(monitor));
        Mode = Monitoring.Resolve(monitor, mode, nameof(mode));
        Factor = factor;
        Patience = patience;
        MinDelta = Math.Abs(minDelta);
        Cooldown = cooldown;
        MinLearningRate = minLearningRate;
        Verbose = verbose;
        Best = Monitoring.Worst(Mode);
    }

    /// <summary>The logged value watched.</summary>
    public string Monitor { get; }

    /// <summary>The multiplier applied at each reduction.</summary>
    public double Factor { get; }

    /// <summary>Epochs without improvement before a reduction.</summary>
    public int Patience { get; }

    /// <summary>Direction of improvement (never Auto once constructed).</summary>
    public MonitorMode Mode { get; }

    /// <summary>Smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>Epochs after a reduction before epochs without improvement count again.</summary>
    public int Cooldown { get; }

    /// <summary>The lowest rate a reduction goes to.</summary>
    public double MinLearningRate { get; }

    /// <summary>Whether reductions are printed.</summary>
    public bool Verbose { get; }

    /// <summary>The best monitored value of this <c>Fit</c>.</summary>
    public double Best { get; private set; }

    /// <summary>Epochs without improvement counted towards <see cref="Patience"/>.</summary>
    public int Wait { get; private set; }

    /// <summary>Cooldown epochs left.</summary>
    public int CooldownCounter { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        Best = Monitoring.Worst(Mode);
        Wait = 0;
        CooldownCounter = 0;
    }

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context, int epoch) =>
        context.LogValue(LearningRates.LogName, context.LearningRate);

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        var current = Monitoring.Read(logs, Monitor, nameof(ReduceLROnPlateau));
        if (CooldownCounter > 0)
        {
            CooldownCounter--;
            Wait = 0;
        }

        if (Monitoring.IsImprovement(Mode, current, Best, MinDelta))
        {
            Best = current;
            Wait = 0;
            return;
        }

        if (CooldownCounter > 0 || ++Wait < Patience)
        {
            return;
        }

        var rate = context.LearningRate;
        if (rate > MinLearningRate)
        {
            var reduced = Math.Max(rate * Factor, MinLearningRate);
            context.LearningRate = reduced;
            if (Verbose)
            {
                context.Output?.WriteLine($"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}: ReduceLROnPlateau reducing learning rate to {reduced.ToString(CultureInfo.InvariantCulture)}.");
            }

            CooldownCounter = Cooldown;
            Wait = 0;
        }
    }
}
