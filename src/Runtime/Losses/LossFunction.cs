using System;
using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>
/// A loss over a batch: predictions and targets in, a scalar tensor out (mean over the batch).
/// Keras semantics: predictions are probabilities, not logits.
/// </summary>
public abstract class LossFunction
{
    /// <summary>Keeps log() finite: Keras clips probabilities the same way.</summary>
    protected const double Epsilon = 1e-7;

    /// <summary>The loss's name.</summary>
    public abstract string Name { get; }

    /// <summary>The mean loss of the batch.</summary>
    public abstract Tensor Compute(Tensor predictions, Tensor targets);

    /// <summary>The loss function of <paramref name="loss"/>.</summary>
    public static LossFunction For(Loss loss) => loss switch
    {
        Loss.MeanSquaredError => new MeanSquaredErrorLoss(),
        Loss.MeanAbsoluteError => new MeanAbsoluteErrorLoss(),
        Loss.BinaryCrossentropy => new BinaryCrossentropyLoss(),
        Loss.CategoricalCrossentropy => new CategoricalCrossentropyLoss(),
        Loss.SparseCategoricalCrossentropy => new SparseCategoricalCrossentropyLoss(),
        Loss.None => throw new InvalidOperationException("No loss is configured: set Loss on [Network] or call Compile(loss: ...) before training or evaluating."),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown loss."),
    };

    /// <summary>
    /// Targets shaped like the predictions; a 1-D target of a one-column output is accepted as Keras does.
    /// </summary>
    protected Tensor Align(Tensor predictions, Tensor targets)
    {
        if (targets.shape.SequenceEqual(predictions.shape))
        {
            return targets.to_type(predictions.dtype);
        }

        if (targets.dim() == 1 && predictions.dim() == 2 && predictions.shape[1] == 1 && targets.shape[0] == predictions.shape[0])
        {
            return targets.reshape(-1, 1).to_type(predictions.dtype);
        }

        throw new ArgumentException($"{Name} needs targets shaped like the predictions {Shapes.Format(predictions)}; got {Shapes.Format(targets)}.", nameof(targets));
    }
}
