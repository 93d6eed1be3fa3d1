using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A RepeatVector layer's configuration: the number of steps.</summary>
internal sealed record RepeatVectorConfig(int N) : LayerConfig;

/// <summary>
/// RepeatVector: (features) to (n, features), each step a copy of the input, as Keras's. The
/// features may be named; any element type repeats.
/// </summary>
internal sealed class RepeatVectorLayer : LayerRule<RepeatVectorConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("n", null) };

    public override LayerKind Kind => LayerKind.RepeatVector;

    public override string TypeName => "RepeatVector";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool Accepts(ElementKind elementType) => true;

    protected override RepeatVectorConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var config = new RepeatVectorConfig(arguments.Int("n"));
        if (config.N <= 0)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "n", -1, "N", layer.Name, "a positive number of steps", Format.Number(config.N));
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, RepeatVectorConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank != 1)
        {
            layer.Report(ProblemKind.UnsupportedInputRank, layer.Attribute, TypeName, layer.Name, input.ToString(), "(features); flatten or pool a sequence first");
            return ShapeResult.Failed;
        }

        return input.WithDimensions(Dimension.Known(config.N), input[0]);
    }

    protected override string? ModuleType(RepeatVectorConfig config, TensorType? input) => "NetGen.Layers.RepeatVector";

    protected override void EmitConstruction(ConstructionWriter writer, RepeatVectorConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.RepeatVector({Format.Number(config.N)})");

    protected override string Describe(RepeatVectorConfig config, IReadOnlyList<string> inputs) => $"RepeatVector({Format.Number(config.N)})";
}
