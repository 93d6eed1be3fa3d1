using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// GlobalAveragePooling1D and GlobalMaxPooling1D: one value per feature over the steps,
/// (steps, features) to (features). The steps may be named: they are reduced away.
/// </summary>
internal abstract class GlobalPooling1DLayer : LayerRule<NoConfig>
{
    public override IReadOnlyList<ArgumentSpec> Arguments => new ArgumentSpec[0];

    protected override NoConfig ReadConfig(LayerContext layer) => NoConfig.Instance;

    protected override ShapeResult InferShape(LayerContext layer, NoConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank != 2)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(steps, features)" + (input.Rank == 3 ? "; for an image use " + TypeName.Replace("1D", "2D") : string.Empty));
            return ShapeResult.Failed;
        }

        return input.WithDimensions(input[1]);
    }

    protected override string? ModuleType(NoConfig config, TensorType? input) => "NetGen.Layers." + TypeName;

    protected override void EmitConstruction(ConstructionWriter writer, NoConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.{TypeName}()");

    protected override string Describe(NoConfig config, IReadOnlyList<string> inputs) => TypeName + "()";
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
