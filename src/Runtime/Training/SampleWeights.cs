using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// Keras's <c>sample_weight</c> and <c>class_weight</c>: the checks on what the caller gives, the
/// conversion of class weights to one weight per sample, and the weighted reduction of a loss.
/// </summary>
internal static class SampleWeights
{
    /// <summary>
    /// Checks the arguments of a <c>Fit</c> that may weight samples: not both kinds, class weights
    /// only for one output, every weight finite and not negative.
    /// </summary>
    public static void CheckArguments(INetwork network, Tensor? sampleWeight, IReadOnlyDictionary<int, double>? classWeight)
    {
        if (sampleWeight is not null && classWeight is not null)
        {
            throw new ArgumentException("Give either sampleWeight or classWeight, not both (Keras rejects them together too): turn the class weights into sample weights to combine them.", nameof(classWeight));
        }

        if (classWeight is null)
        {
            return;
        }

        var description = network.Description;
        if (description.Outputs.Count != 1)
        {
            throw new ArgumentException(
                $"classWeight needs a network with one output; {description.Name} has {description.Outputs.Count} ({string.Join(", ", description.Outputs.Select(static o => "'" + o.Name + "'"))}). Give sampleWeight instead.",
                nameof(classWeight));
        }

        foreach (var (label, weight) in classWeight)
        {
            if (!double.IsFinite(weight) || weight < 0)
            {
                throw new ArgumentOutOfRangeException(
                    nameof(classWeight), weight, $"The weight of class {label.ToString(CultureInfo.InvariantCulture)} must be finite and not negative.");
            }
        }
    }

    /// <summary>
    /// The weights as a float tensor of shape (rows) on <paramref name="placement"/>'s device, checked:
    /// shape (rows) or (rows, 1), real numbers, finite and not negative. Messages begin with
    /// <paramref name="subject"/> (a batch's position, say), else with <paramref name="parameter"/>.
    /// </summary>
    public static Tensor Place(Tensor weights, long rows, Placement placement, string parameter, string? subject = null)
    {
        subject ??= parameter;
        var shape = weights.shape;
        var fits = (shape.Length == 1 && shape[0] == rows) || (shape.Length == 2 && shape[0] == rows && shape[1] == 1);
        if (!fits)
        {
            throw new ArgumentException(
                $"{subject} needs one weight per sample, shape ({rows.ToString(CultureInfo.InvariantCulture)}) or ({rows.ToString(CultureInfo.InvariantCulture)}, 1); got {Shape.Format(shape)}.",
                parameter);
        }

        if (weights.dtype is ScalarType.Bool || weights.is_complex())
        {
            throw new ArgumentException($"{subject} needs real numbers; got {weights.dtype}.", parameter);
        }

        using var scope = NewDisposeScope();
        var placed = weights.reshape(rows).to(placement.FloatType, placement.Device);
        // One check when the data is placed, not per batch.
        var host = placed.to_type(ScalarType.Float64).cpu();
        if (!host.isfinite().all().item<bool>())
        {
            throw new ArgumentException($"{subject} holds a weight that is not finite (NaN or infinity).", parameter);
        }

        if (host.min().item<double>() is var lowest && lowest < 0)
        {
            throw new ArgumentOutOfRangeException(parameter, lowest, $"{subject} holds a negative weight; weights must not be negative.");
        }

        return placed.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// One weight per sample from its class, as Keras's <c>class_weight_to_sample_weights</c>: the
    /// argmax of a one-hot row (or of any row of several columns), else the label itself, rounded
    /// (a binary 0/1 target, integer class ids); classes missing from <paramref name="classWeight"/> weigh 1.
    /// </summary>
    public static Tensor FromClasses(Tensor targets, IReadOnlyDictionary<int, double> classWeight, Placement placement)
    {
        if (targets.dim() > 2)
        {
            throw new ArgumentException(
                $"classWeight needs one class per sample: targets of shape (samples), (samples, 1) or one-hot (samples, classes); got {Shape.Format(targets.shape)}. Give sampleWeight instead.",
                nameof(classWeight));
        }

        using var scope = NewDisposeScope();
        var labels = targets.dim() == 2 && targets.size(1) != 1
            ? targets.argmax(1)
            : targets.reshape(targets.size(0)).to_type(ScalarType.Float64).round();
        var classes = labels.to_type(ScalarType.Int64).cpu().data<long>().ToArray();
        var weights = new double[classes.Length];
        for (var i = 0; i < classes.Length; i++)
        {
            weights[i] = classes[i] is >= int.MinValue and <= int.MaxValue && classWeight.TryGetValue((int)classes[i], out var weight) ? weight : 1.0;
        }

        return tensor(weights).to(placement.FloatType, placement.Device).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The mean of <paramref name="unreduced"/> (samples on axis 0) with each sample's entries
    /// multiplied by its weight: Keras's <c>sum_over_batch_size</c>, the weighted sum over the number of entries.
    /// </summary>
    public static Tensor WeightedMean(Tensor unreduced, Tensor weights)
    {
        if (unreduced.dim() <= 1)
        {
            return unreduced.mul(weights).mean();
        }

        var shape = new long[unreduced.dim()];
        Array.Fill(shape, 1L);
        shape[0] = weights.size(0);
        return unreduced.mul(weights.view(shape)).mean();
    }
}
