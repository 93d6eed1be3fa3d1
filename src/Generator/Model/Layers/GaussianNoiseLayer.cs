using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>A GaussianNoise layer's configuration: the noise's standard deviation.</summary>
internal sealed record GaussianNoiseConfig(double Stddev) : LayerConfig;

/// <summary>
/// GaussianNoise: adds N(0, stddev²) noise in training (<c>NetGen.Layers.GaussianNoise</c>); the
/// identity on shapes and at inference, no parameters. The standard deviation must be finite and
/// not negative (Keras 3 also refuses more than 1; inputs NetGen sees need not be scaled to [0, 1]).
/// </summary>
internal sealed class GaussianNoiseLayer : LayerRule<GaussianNoiseConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("stddev", null) };

    public override LayerKind Kind => LayerKind.GaussianNoise;

    public override string TypeName => "GaussianNoise";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public override bool IsIdentityAtInference => true;

    public override bool PassesMask(LayerConfig config) => true;

    protected override GaussianNoiseConfig ReadConfig(LayerContext layer)
    {
        var arguments = layer.Reader(s_arguments);
        var stddev = arguments.Double("stddev");
        if (!(stddev >= 0 && stddev < double.PositiveInfinity))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "stddev", -1, "Stddev", layer.Name, "a finite standard deviation, 0 or more", Format.Number(stddev));
        }

        return new GaussianNoiseConfig(stddev);
    }

    protected override ShapeResult InferShape(LayerContext layer, GaussianNoiseConfig config, IReadOnlyList<TensorType> inputs) => inputs[0];

    protected override string? ModuleType(GaussianNoiseConfig config, TensorType? input) => "NetGen.Layers.GaussianNoise";

    protected override void EmitConstruction(ConstructionWriter writer, GaussianNoiseConfig config, TensorType input) =>
        writer.Create($"new {TypeNames.Layers}.GaussianNoise({Format.DoubleLiteral(config.Stddev)})");

    protected override string Describe(GaussianNoiseConfig config, IReadOnlyList<string> inputs) => $"GaussianNoise({Format.Number(config.Stddev)})";
}
