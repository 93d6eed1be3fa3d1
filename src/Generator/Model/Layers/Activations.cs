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

    /// <summary>The runtime helper that applies an activation after a module (and frees the module's output).</summary>
    public static string Apply(ActivationUse activation, string value) => activation.Kind switch
    {
        ActivationKind.ReLU => $"{TypeNames.Layers}.Activations.ReLU({value})",
        ActivationKind.Sigmoid => $"{TypeNames.Layers}.Activations.Sigmoid({value})",
        ActivationKind.Tanh => $"{TypeNames.Layers}.Activations.Tanh({value})",
        ActivationKind.Softmax => $"{TypeNames.Layers}.Activations.Softmax({value})",
        ActivationKind.LeakyReLU => $"{TypeNames.Layers}.Activations.LeakyReLU({value}, {Format.DoubleLiteral(activation.Alpha)})",
        _ => value,
    };
}
