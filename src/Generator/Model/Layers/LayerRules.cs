namespace NetGen.Model.Layers;

/// <summary>The rule for each layer kind.</summary>
internal static class LayerRules
{
    private static readonly LayerRule s_dense = new DenseLayer();
    private static readonly LayerRule s_dropout = new DropoutLayer();
    private static readonly LayerRule s_batchNormalization = new BatchNormalizationLayer();
    private static readonly LayerRule s_activation = new ActivationLayer();
    private static readonly LayerRule s_flatten = new FlattenLayer();
    private static readonly LayerRule s_add = new AddLayer();
    private static readonly LayerRule s_concatenate = new ConcatenateLayer();

    public static LayerRule For(LayerKind kind) => kind switch
    {
        LayerKind.Dense => s_dense,
        LayerKind.Dropout => s_dropout,
        LayerKind.BatchNormalization => s_batchNormalization,
        LayerKind.Activation => s_activation,
        LayerKind.Flatten => s_flatten,
        LayerKind.Add => s_add,
        _ => s_concatenate,
    };

}
