using System;

namespace NetGen.Callbacks;

/// <summary>
/// Multiplies the learning rate by <see cref="Factor"/> every <see cref="EpochsPerDrop"/>
/// epochs: at epoch <c>e</c> (0-based) the rate is
/// <c>initialLearningRate * factor ^ floor(e / epochsPerDrop)</c>, set on every parameter group
/// at the start of the epoch and logged as <c>learning_rate</c>.
/// </summary>
/// <remarks>
/// Keras has no class of this name; it is the step decay usually written as a
/// <c>LearningRateScheduler</c> function, and PyTorch's <c>StepLR(step_size, gamma)</c>. The
/// rate is computed from the start rather than multiplied in place, so it does not drift and a
/// second <c>Fit</c> starts again from <see cref="InitialLearningRate"/> (epochs restart at 0).
/// </remarks>
public sealed class StepDecay : Callback
{
    private double _initial;

    /// <summary>Creates the callback.</summary>
    /// <param name="factor">The multiplier applied at each drop, e.g. 0.5 to halve the rate; positive and finite.</param>
    /// <param name="epochsPerDrop">Epochs between drops; positive.</param>
    /// <param name="initialLearningRate">The rate of the first epochs; by default the one the optimizer was declared with.</param>
    /// <param name="verbose">Print Keras's "setting learning rate" line every epoch to <c>Fit</c>'s output.</param>
    public StepDecay(double factor, int epochsPerDrop, double? initialLearningRate = null, bool verbose = false)
    {
        if (!(factor > 0 && double.IsFinite(factor)))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "The factor must be a positive, finite number (below 1 to decay).");
        }

        if (epochsPerDrop < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(epochsPerDrop), epochsPerDrop, "epochsPerDrop must be at least 1.");
        }

        Factor = factor;
        EpochsPerDrop = epochsPerDrop;
        InitialLearningRate = LearningRates.CheckInitial(initialLearningRate, nameof(initialLearningRate));
        Verbose = verbose;
    }

    /// <summary>The multiplier applied at each drop.</summary>
    public double Factor { get; }

    /// <summary>Epochs between drops.</summary>
    public int EpochsPerDrop { get; }

    /// <summary>The starting rate, or null for the optimizer's declared one.</summary>
    public double? InitialLearningRate { get; }

    /// <summary>Whether the rate is printed every epoch.</summary>
    public bool Verbose { get; }

    /// <summary>The rate of epoch <paramref name="epoch"/> (0-based) from <paramref name="initialLearningRate"/>.</summary>
    public double LearningRateAt(int epoch, double initialLearningRate) =>
        initialLearningRate * Math.Pow(Factor, epoch / EpochsPerDrop);

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _initial = InitialLearningRate ?? LearningRates.Declared(context);

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context, int epoch) =>
        LearningRates.Apply(context, LearningRateAt(epoch, _initial), epoch, nameof(StepDecay), Verbose);
}
