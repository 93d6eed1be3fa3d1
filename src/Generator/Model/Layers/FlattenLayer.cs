using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>Flatten: every axis but the batch axis becomes one.</summary>
internal sealed class FlattenLayer : LayerRule<NoConfig>
{
    public override LayerKind Kind => LayerKind.Flatten;

    public override string TypeName => "Flatten";

    public override IReadOnlyList<ArgumentSpec> Arguments => new ArgumentSpec[0];

    public override bool Accepts(ElementKind elementType) => true;

    protected override NoConfig ReadConfig(LayerContext layer) => NoConfig.Instance;

    protected override ShapeResult InferShape(LayerContext layer, NoConfig config, IReadOnlyList<TensorType> inputs)
    {
        var input = inputs[0];
        if (input.Rank == 1)
        {
            return input;
        }

        if (!input.IsKnown)
        {
            // Keras gives (None, None) here; the size is known only at run time.
            var names = Format.Quoted(input.Dimensions.Where(static d => !d.IsKnown).Select(static d => d.Name!));
            return ShapeResult.Dynamic("Flatten of " + input + " depends on " + names);
        }

        // Multiply in double so absurd shapes typed by mistake are reported, not overflowed.
        double count = 1;
        foreach (var dimension in input.Dimensions)
        {
            count *= dimension.Size;
        }

        if (count > int.MaxValue)
        {
            layer.Report(ProblemKind.InvalidLayerHyperparameter, layer.Attribute, "Output size", layer.Name, "at most 2147483647 values", Format.Number(count));
            return ShapeResult.Failed;
        }

        return input.WithDimensions(Dimension.Known((int)count));
    }

    protected override string? ModuleType(NoConfig config, TensorType? input) => "TorchSharp.Modules.Flatten";

    protected override void EmitConstruction(ConstructionWriter writer, NoConfig config, TensorType input) =>
        writer.Create($"{TypeNames.Torch}.nn.Flatten()");

    protected override string Describe(NoConfig config, IReadOnlyList<string> inputs) => "Flatten()";
}
