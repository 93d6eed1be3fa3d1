namespace NetGen.Model.Layers;

/// <summary>Checks shared by the kinds that carry an activation.</summary>
internal static class Activations
{
    /// <summary>
    /// LeakyReLU's slope must be a non-negative float32 (libtorch converts it; 1e308 would fail
    /// when the network runs).
    /// </summary>
    public static void CheckAlpha(ArgumentReader arguments, LayerContext layer, ActivationKind activation, double alpha)
    {
        if (activation == ActivationKind.LeakyReLU && !(alpha >= 0 && alpha <= float.MaxValue))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Alpha", -1, "Alpha", layer.Name, "a non-negative float32", Format.Number(alpha));
        }
    }

    /// <summary>
    /// The runtime helper that applies an activation after a module (and frees the module's output).
    /// Softmax normalizes the feature axis of the layout (<see cref="Layout.FeatureAxis"/>): the last
    /// axis of (features) and (steps, features), the channel axis (1, after the batch) of a map, as
    /// Keras's channels-last softmax does.
    /// </summary>
    public static string Apply(ActivationUse activation, string value, TensorType? output) => activation.Kind switch
    {
        ActivationKind.Softmax when output is { Rank: > 2 } => $"{TypeNames.Layers}.Activations.Softmax({value}, axis: {Format.Number(SoftmaxAxis(output.Rank))})",
        ActivationKind.ReLU => $"{TypeNames.Layers}.Activations.ReLU({value})",
        ActivationKind.Sigmoid => $"{TypeNames.Layers}.Activations.Sigmoid({value})",
        ActivationKind.Tanh => $"{TypeNames.Layers}.Activations.Tanh({value})",
        ActivationKind.Softmax => $"{TypeNames.Layers}.Activations.Softmax({value})",
        ActivationKind.LeakyReLU => $"{TypeNames.Layers}.Activations.LeakyReLU({value}, {Format.DoubleLiteral(activation.Alpha)})",
        _ => value,
    };

    /// <summary>The axis, batch included, that softmax normalizes in a sample of <paramref name="rank"/> axes: -1, or the channels (1).</summary>
    public static int SoftmaxAxis(int rank) => rank <= 2 ? -1 : Layout.FeatureAxis(rank) + 1;
}
