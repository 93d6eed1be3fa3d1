using System;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Losses;

/// <summary>
/// A loss over a batch: predictions and targets in, a scalar tensor out (the mean over the batch).
/// Keras semantics: predictions are what the network's <c>forward</c> returns (probabilities
/// after a sigmoid or softmax). A loss with a fused form also takes the output before that
/// activation (<see cref="ComputeFromLogits"/>), which training prefers when the network has it.
/// </summary>
public abstract class LossFunction
{
    /// <summary>Keeps log() finite on probabilities: Keras clips them the same way.</summary>
    protected const double Epsilon = 1e-7;

    // Held for good: TorchSharp does not keep a Scalar alive during the call it is passed to (see Scalars).
    private static readonly Scalar ClipLow = Epsilon.ToScalar();
    private static readonly Scalar ClipHigh = (1 - Epsilon).ToScalar();

    /// <summary>The loss's name.</summary>
    public abstract string Name { get; }

    /// <summary>The mean loss of the batch.</summary>
    public abstract Tensor Compute(Tensor predictions, Tensor targets);

    /// <summary>
    /// The loss before its mean over the batch: a tensor with the samples on its first axis whose
    /// mean is <see cref="Compute"/>'s value. Training with sample or class weights multiplies each
    /// sample's entries by its weight and takes the mean, Keras's <c>sum_over_batch_size</c>: the weighted
    /// sum divided by the number of entries, not by the sum of the weights.
    /// </summary>
    /// <exception cref="NotSupportedException">The loss does not override it, so it cannot be weighted per sample.</exception>
    public virtual Tensor ComputeUnreduced(Tensor predictions, Tensor targets) =>
        throw new NotSupportedException($"{Name} cannot weight samples: override ComputeUnreduced to train or evaluate it with sample or class weights.");

    /// <summary>As <see cref="ComputeUnreduced"/>, from the output before its final <paramref name="activation"/>; only called when <see cref="HasLogitsForm"/> is true.</summary>
    public virtual Tensor ComputeUnreducedFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        throw new NotSupportedException($"{Name} has no per-sample form that takes logits of a {activation} output.");

    /// <summary>Whether <see cref="ComputeFromLogits"/> has a fused form for an output ending in <paramref name="activation"/>.</summary>
    public virtual bool HasLogitsForm(Activation activation) => false;

    /// <summary>
    /// The same loss computed from the output before its final <paramref name="activation"/>
    /// (sigmoid or softmax). Fused forms need no clipping, so confidently wrong outputs keep
    /// their gradient. Only called when <see cref="HasLogitsForm"/> is true.
    /// </summary>
    public virtual Tensor ComputeFromLogits(Tensor logits, Activation activation, Tensor targets) =>
        throw new NotSupportedException($"{Name} has no form that takes logits of a {activation} output.");

    /// <summary>The loss function of <paramref name="loss"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="loss"/> is <see cref="Loss.None"/> or not a defined value.</exception>
    public static LossFunction For(Loss loss) => loss switch
    {
        Loss.MeanSquaredError => new MeanSquaredErrorLoss(),
        Loss.MeanAbsoluteError => new MeanAbsoluteErrorLoss(),
        Loss.BinaryCrossentropy => new BinaryCrossentropyLoss(),
        Loss.CategoricalCrossentropy => new CategoricalCrossentropyLoss(),
        Loss.SparseCategoricalCrossentropy => new SparseCategoricalCrossentropyLoss(),
        Loss.None => throw new ArgumentException("Loss.None is not a loss; give one of the other values, or null for an output that is not trained.", nameof(loss)),
        _ => throw new ArgumentException($"{(int)loss} is not a defined Loss value.", nameof(loss)),
    };

    /// <summary>Lets <see cref="Loss"/> values stand for their loss functions: <c>Compile(loss: Loss.MeanSquaredError)</c>.</summary>
    public static implicit operator LossFunction(Loss loss) => For(loss);

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>
    /// The axis holding the classes of a batch of predictions: the last of (batch, features) and
    /// (batch, steps, features), the channels (1) of (batch, channels, height, width) maps and
    /// deeper ones, NetGen's layout (Keras's channels-last class axis).
    /// </summary>
    protected static long ClassAxis(Tensor predictions) => predictions.dim() >= 4 ? 1 : -1;

    /// <summary>
    /// Targets shaped like the predictions; a 1-D target of a one-column output is accepted as Keras does.
    /// </summary>
    protected Tensor Align(Tensor predictions, Tensor targets)
    {
        if (targets.shape.AsSpan().SequenceEqual(predictions.shape))
        {
            return targets.dtype == predictions.dtype ? targets : targets.to_type(predictions.dtype);
        }

        if (targets.dim() == 1 && predictions.dim() == 2 && predictions.shape[1] == 1 && targets.shape[0] == predictions.shape[0])
        {
            return targets.reshape(-1, 1).to_type(predictions.dtype);
        }

        throw new ArgumentException($"{Name} needs targets shaped like the predictions {Shape.Format(predictions.shape)}; got {Shape.Format(targets.shape)}.", nameof(targets));
    }

    /// <summary><paramref name="probabilities"/> clipped to [<see cref="Epsilon"/>, 1 - <see cref="Epsilon"/>], so log() stays finite.</summary>
    protected static Tensor Clipped(Tensor probabilities) => probabilities.clamp(ClipLow, ClipHigh);
}
