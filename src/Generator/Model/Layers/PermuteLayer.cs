using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A Permute layer's configuration: the input axes in output order, from 1 (Keras).</summary>
internal sealed record PermuteConfig(EquatableArray<int> Dims) : LayerConfig;

/// <summary>Permute: reorders the sample axes; named dimensions move with their axes.</summary>
internal sealed class PermuteLayer : LayerRule<PermuteConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("dims", null) };

    public override LayerKind Kind => LayerKind.Permute;

    public override string TypeName => "Permute";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool Accepts(ElementKind elementType) => true;

    protected override PermuteConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var dims = arguments.Ints("dims");
        if (dims is null || dims.Count == 0 || !dims.OrderBy(static d => d).SequenceEqual(Enumerable.Range(1, dims.Count)))
        {
            arguments.Report(
                ProblemKind.InvalidLayerHyperparameter,
                "dims",
                -1,
                "Dims",
                layer.Name,
                "a permutation of the axes 1 to " + Format.Number(dims?.Count ?? 0),
                dims is null ? "null" : "(" + string.Join(", ", dims.Select(Format.Number)) + ")");
        }

        return new PermuteConfig((dims ?? new int[0]).ToEquatableArray());
    }

    protected override ShapeResult InferShape(LayerContext layer, PermuteConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank != config.Dims.Count)
        {
            layer.Report(
                ProblemKind.UnsupportedInputRank,
                layer.Attribute,
                TypeName,
                layer.Name,
                input.ToString(),
                "a sample of " + Format.Number(config.Dims.Count) + " axes, one per entry of its dims");
            return ShapeResult.Failed;
        }

        return input.WithDimensions(config.Dims.Select(d => input[d - 1]).ToArray());
    }

    protected override string? ModuleType(PermuteConfig config, TensorType? input) => "NetGen.Layers.Permute";

    protected override void EmitConstruction(ConstructionWriter writer, PermuteConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.Permute({string.Join(", ", config.Dims.Select(Format.Number))})");

    protected override string Describe(PermuteConfig config, IReadOnlyList<string> inputs) =>
        "Permute(" + string.Join(", ", config.Dims.Select(Format.Number)) + ")";
}
