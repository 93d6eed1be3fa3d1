using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>
/// The shapes that a <c>[Lambda]</c> or <c>[LossTerm]</c> method's parameters declare with <c>[Shape(...)]</c>
/// (batch axis excluded, -1 for any size on an axis), checked against the members the parameters are bound
/// to (NG0031). A member whose shape is known only at run time is not checked; a named size (a sequence's
/// <c>steps</c>) fits only -1, since the method cannot count on any one size.
/// </summary>
internal static class ParameterShapes
{
    /// <summary>Checks each bound parameter that declares a shape against its member's output.</summary>
    public static void Check(LayerContext layer, IReadOnlyList<ShapeResult> inputs)
    {
        var shapes = layer.Definition.Member.Method?.ParameterShapes ?? EquatableArray<AttributeArguments?>.Empty;
        for (var j = 0; j < shapes.Count && j < inputs.Count && j < layer.InputNames.Count; j++)
        {
            if (shapes[j] is not { } arguments || Expected(layer, j, arguments) is not { } expected || inputs[j].Type is not { } actual)
            {
                continue;
            }

            var fits = actual.Rank == expected.Count
                && expected.Select((size, axis) => size == -1 || (actual[axis].IsKnown && actual[axis].Size == size)).All(static fit => fit);
            if (!fits)
            {
                layer.Report(
                    ProblemKind.ParameterShapeMismatch,
                    Site.LayerParameter(layer.Index, j),
                    layer.Name,
                    layer.Definition.Member.Method!.ParameterNames[j],
                    layer.InputNames[j],
                    actual.ToString(),
                    "(None, " + string.Join(", ", expected.Select(static size => size == -1 ? "any" : Format.Number(size))) + ")");
            }
        }
    }

    /// <summary>The sizes <c>[Shape]</c> declares, or null after reporting sizes it cannot declare (NG0012).</summary>
    private static IReadOnlyList<int>? Expected(LayerContext layer, int parameter, AttributeArguments arguments)
    {
        var sizes = arguments.TryGet("dimensions", out var value) && value.Kind == ArgumentValueKind.Array && value.Elements.All(static e => e.Kind == ArgumentValueKind.Int)
            ? value.Elements.Select(static e => (int)e.Value!).ToList()
            : null;
        if (sizes is { Count: > 0 } && sizes.All(static size => size > 0 || size == -1))
        {
            return sizes;
        }

        layer.Report(
            ProblemKind.InvalidLayerHyperparameter,
            Site.LayerParameter(layer.Index, parameter),
            "Shape",
            layer.Name,
            "one or more sizes, each positive or -1 for any size",
            sizes is null ? "nothing" : "(" + string.Join(", ", sizes.Select(Format.Number)) + ")");
        return null;
    }
}
