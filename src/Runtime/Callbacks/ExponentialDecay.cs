using System;

namespace NetGen.Callbacks;

/// <summary>
/// Keras's <c>ExponentialDecay</c> schedule as a callback: at step <c>s</c> the learning rate is
/// <c>initialLearningRate * decayRate ^ (s / decaySteps)</c>, with the exponent floored when
/// <see cref="Staircase"/>; set on every parameter group and logged as <c>learning_rate</c>.
/// </summary>
/// <remarks>
/// <para>
/// With <see cref="ScheduleInterval.Step"/> (the default, as in Keras, where the schedule is
/// evaluated at every optimizer step) <c>s</c> counts the optimizer steps taken, from 0 before
/// the first batch, and the logged rate is the one the epoch's last step used. With
/// <see cref="ScheduleInterval.Epoch"/> <c>s</c> is the epoch (0-based) and the rate changes at
/// the start of each epoch.
/// </para>
/// <para>
/// Keras counts steps with the optimizer's <c>iterations</c>, which carry over from one
/// <c>fit</c> to the next; NetGen counts from 0 in every <c>Fit</c>, as its epochs do.
/// </para>
/// </remarks>
public sealed class ExponentialDecay : Callback
{
    private double _initial;
    private long _step;
    private int _epoch;

    /// <summary>Creates the callback.</summary>
    /// <param name="decaySteps">Steps (or epochs) over which the rate is multiplied by <paramref name="decayRate"/>; positive.</param>
    /// <param name="decayRate">The multiplier per <paramref name="decaySteps"/>; positive and finite.</param>
    /// <param name="staircase">Decay in whole steps of <paramref name="decaySteps"/> instead of continuously.</param>
    /// <param name="interval">Whether steps are optimizer steps (Keras) or epochs.</param>
    /// <param name="initialLearningRate">The rate at step 0; by default the one the optimizer was declared with.</param>
    /// <param name="verbose">Print Keras's "setting learning rate" line at the start of every epoch to <c>Fit</c>'s output.</param>
    public ExponentialDecay(
        int decaySteps,
        double decayRate,
        bool staircase = false,
        ScheduleInterval interval = ScheduleInterval.Step,
        double? initialLearningRate = null,
        bool verbose = false)
    {
        if (decaySteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(decaySteps), decaySteps, "decaySteps must be at least 1.");
        }

        if (!(decayRate > 0 && double.IsFinite(decayRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(decayRate), decayRate, "The decay rate must be a positive, finite number (below 1 to decay).");
        }

        if (interval is not (ScheduleInterval.Epoch or ScheduleInterval.Step))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "The interval must be Epoch or Step.");
        }

        DecaySteps = decaySteps;
        DecayRate = decayRate;
        Staircase = staircase;
        Interval = interval;
        InitialLearningRate = LearningRates.CheckInitial(initialLearningRate, nameof(initialLearningRate));
        Verbose = verbose;
    }

    /// <summary>Steps (or epochs) per multiplication by <see cref="DecayRate"/>.</summary>
    public int DecaySteps { get; }

    /// <summary>The multiplier per <see cref="DecaySteps"/>.</summary>
    public double DecayRate { get; }

    /// <summary>Whether the exponent is floored.</summary>
    public bool Staircase { get; }

    /// <summary>Whether steps are optimizer steps or epochs.</summary>
    public ScheduleInterval Interval { get; }

    /// <summary>The rate at step 0, or null for the optimizer's declared one.</summary>
    public double? InitialLearningRate { get; }

    /// <summary>Whether the rate is printed every epoch.</summary>
    public bool Verbose { get; }

    /// <summary>The rate at <paramref name="step"/> from <paramref name="initialLearningRate"/>.</summary>
    public double LearningRateAt(long step, double initialLearningRate)
    {
        var exponent = (double)step / DecaySteps;
        return initialLearningRate * Math.Pow(DecayRate, Staircase ? Math.Floor(exponent) : exponent);
    }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        _initial = InitialLearningRate ?? LearningRates.Declared(context);
        _step = 0;
    }

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context, int epoch)
    {
        _epoch = epoch;

        // Per step, this is the rate of the epoch's first step (and what is logged if the epoch trains no batch).
        var step = Interval == ScheduleInterval.Epoch ? epoch : _step;
        LearningRates.Apply(context, LearningRateAt(step, _initial), epoch, nameof(ExponentialDecay), Verbose);
    }

    /// <inheritdoc />
    public override void OnBatchBegin(TrainingContext context, int batch)
    {
        if (Interval == ScheduleInterval.Step)
        {
            LearningRates.Apply(context, LearningRateAt(_step++, _initial), _epoch, nameof(ExponentialDecay), verbose: false);
        }
    }
}
