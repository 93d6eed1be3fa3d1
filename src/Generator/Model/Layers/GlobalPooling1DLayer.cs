using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// A global 1D pooling's configuration: <see cref="Masked"/> is set by <see cref="MaskLinks"/>
/// when its input carries a padding mask, whose token ids are then its link.
/// </summary>
internal sealed record GlobalPooling1DConfig(bool Masked) : LayerConfig;

/// <summary>
/// GlobalAveragePooling1D and GlobalMaxPooling1D: one value per feature over the steps,
/// (steps, features) to (features). The steps may be named: they are reduced away. Downstream of
/// an <c>Embedding(MaskZero = true)</c> the padded steps are left out, as Keras leaves them out:
/// the mean of the real steps only, the largest value among them.
/// </summary>
internal abstract class GlobalPooling1DLayer : LayerRule<GlobalPooling1DConfig>
{
    private static readonly GlobalPooling1DConfig s_unmasked = new(Masked: false);

    public override IReadOnlyList<ArgumentSpec> Arguments => new ArgumentSpec[0];

    public override IReadOnlyList<int> MaskedInputs(LayerConfig config) => FirstInput;

    public override LayerConfig WithMasks(LayerConfig config, IReadOnlyList<bool> masked) => new GlobalPooling1DConfig(masked[0]);

    /// <summary><c>_pool.Run(embedded, tokens: tokens)</c>: the padded steps are left out.</summary>
    public override string EmitLinkedCall(LayerConfig config, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links, string? stateLocal, TensorType input) =>
        $"{module}.Run({inputs[0]}, tokens: {links[0]})";

    protected override GlobalPooling1DConfig ReadConfig(LayerContext layer) => s_unmasked;

    protected override ShapeResult InferShape(LayerContext layer, GlobalPooling1DConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank != 2)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(steps, features)" + (input.Rank == 3 ? "; for an image use " + TypeName.Replace("1D", "2D") : string.Empty));
            return ShapeResult.Failed;
        }

        return input.WithDimensions(input[1]);
    }

    protected override string? ModuleType(GlobalPooling1DConfig config, TensorType? input) => "NetGen.Layers." + TypeName;

    protected override void EmitConstruction(ConstructionWriter writer, GlobalPooling1DConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.{TypeName}()");

    protected override string Describe(GlobalPooling1DConfig config, IReadOnlyList<string> inputs) => TypeName + "()";
}

/// <summary>GlobalAveragePooling1D: the mean of each feature over the steps.</summary>
internal sealed class GlobalAveragePooling1DLayer : GlobalPooling1DLayer
{
    public override LayerKind Kind => LayerKind.GlobalAveragePooling1D;

    public override string TypeName => "GlobalAveragePooling1D";
}

/// <summary>GlobalMaxPooling1D: the largest value of each feature over the steps.</summary>
internal sealed class GlobalMaxPooling1DLayer : GlobalPooling1DLayer
{
    public override LayerKind Kind => LayerKind.GlobalMaxPooling1D;

    public override string TypeName => "GlobalMaxPooling1D";
}
