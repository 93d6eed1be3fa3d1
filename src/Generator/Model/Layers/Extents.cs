using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>A size along the two axes of an image, (height, width): a window, a stride, a dilation, a growth factor.</summary>
internal readonly record struct Extent2D(int Height, int Width)
{
    public static Extent2D Square(int size) => new(size, size);

    public bool IsSquare => Height == Width;

    /// <summary>How the extent reads in summaries: <c>3</c> when square, else <c>(3, 5)</c>.</summary>
    public override string ToString() => IsSquare ? Format.Number(Height) : "(" + Format.Number(Height) + ", " + Format.Number(Width) + ")";

    /// <summary>The C# argument TorchSharp's tuple overloads take: <c>(3L, 5L)</c>.</summary>
    public string Tuple => "(" + Format.Number(Height) + "L, " + Format.Number(Width) + "L)";
}

/// <summary>Rows and columns added (or removed) at each border of an image.</summary>
internal readonly record struct Sides(int Top, int Bottom, int Left, int Right)
{
    /// <summary>How the sides read in summaries, in Keras's shortest form: <c>1</c>, <c>(1, 2)</c> or <c>(1, 2, 3, 4)</c>.</summary>
    public override string ToString() =>
        Top == Bottom && Left == Right
            ? Top == Left ? Format.Number(Top) : "(" + Format.Number(Top) + ", " + Format.Number(Left) + ")"
            : "(" + string.Join(", ", new[] { Top, Bottom, Left, Right }.Select(Format.Number)) + ")";
}

/// <summary>
/// Reads the 2-D sizes image layers take, written as Keras writes them: one number for both axes
/// (<c>[Conv2D(32, 3)]</c>) or (height, width) (<c>[Conv2D(32, [3, 5])]</c>); borders as one number,
/// (vertical, horizontal) or (top, bottom, left, right). A wrong element count is reported at
/// the array, a wrong value at its element (NG0012); what cannot be used reads as 1 (or 0 for borders).
/// </summary>
internal static class Extents
{
    /// <summary>A positive size: one number, or an array of two.</summary>
    public static Extent2D Read(ArgumentReader arguments, LayerContext layer, string argument, string property)
    {
        var raw = arguments.Raw(argument);
        if (raw is null || raw.Kind == ArgumentValueKind.Int)
        {
            return Extent2D.Square(Windows.Positive(arguments, layer, argument, property));
        }

        var values = Elements(arguments, layer, argument, property, raw, new[] { 2 }, "one positive number, or two (height, width)", minimum: 1);
        return values is null ? Extent2D.Square(1) : new Extent2D(values[0], values[1]);
    }

    /// <summary>
    /// A square property (<c>Strides</c>) and its per-axis twin (<c>StridesPerAxis</c>, two
    /// positive numbers) of which at most one is written.
    /// </summary>
    public static Extent2D ReadWithPerAxis(ArgumentReader arguments, LayerContext layer, string square, string perAxis, int squareValue)
    {
        var raw = arguments.Raw(perAxis);
        if (raw is null || raw.Kind == ArgumentValueKind.Null)
        {
            return Extent2D.Square(squareValue);
        }

        if (arguments.Has(square))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, perAxis, -1, perAxis, layer.Name, "left out when " + square + " is set (one of them gives the size)", raw.ToString());
            return Extent2D.Square(squareValue);
        }

        var values = Elements(arguments, layer, perAxis, perAxis, raw, new[] { 2 }, "two positive numbers (height, width)", minimum: 1);
        return values is null ? Extent2D.Square(squareValue) : new Extent2D(values[0], values[1]);
    }

    /// <summary>Borders of zero or more: one number, (vertical, horizontal) or (top, bottom, left, right).</summary>
    public static Sides ReadSides(ArgumentReader arguments, LayerContext layer, string argument, string property)
    {
        var raw = arguments.Raw(argument);
        if (raw is null || raw.Kind == ArgumentValueKind.Int)
        {
            var value = arguments.Int(argument);
            if (value < 0)
            {
                arguments.Report(ProblemKind.InvalidLayerHyperparameter, argument, -1, property, layer.Name, "zero or more", Format.Number(value));
                return default;
            }

            return new Sides(value, value, value, value);
        }

        var values = Elements(arguments, layer, argument, property, raw, new[] { 2, 4 }, "one number, two (vertical, horizontal) or four (top, bottom, left, right), each zero or more", minimum: 0);
        return values switch
        {
            null => default,
            { Count: 2 } => new Sides(values[0], values[0], values[1], values[1]),
            _ => new Sides(values[0], values[1], values[2], values[3]),
        };
    }

    /// <summary>The padding of a 2-D window: <c>Causal</c> exists for Conv1D only.</summary>
    public static PaddingKind ReadImagePadding(ArgumentReader arguments, LayerContext layer)
    {
        var padding = arguments.Enum<PaddingKind>("Padding");
        if (padding == PaddingKind.Causal)
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, "Padding", -1, "Padding", layer.Name, "Valid or Same (Causal pads the steps of a Conv1D)", "Causal");
            return PaddingKind.Valid;
        }

        return padding;
    }

    private static IReadOnlyList<int>? Elements(ArgumentReader arguments, LayerContext layer, string argument, string property, ArgumentValue raw, int[] counts, string expected, int minimum)
    {
        if (raw.Kind != ArgumentValueKind.Array || !counts.Contains(raw.Elements.Count) || raw.Elements.Any(static e => e.Kind != ArgumentValueKind.Int))
        {
            arguments.Report(ProblemKind.InvalidLayerHyperparameter, argument, -1, property, layer.Name, expected, raw.ToString());
            return null;
        }

        var values = raw.Elements.Select(static e => (int)e.Value!).ToList();
        var valid = true;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] < minimum)
            {
                arguments.Report(ProblemKind.InvalidLayerHyperparameter, argument, i, property, layer.Name, minimum > 0 ? "positive in every element" : "zero or more in every element", Format.Number(values[i]));
                valid = false;
            }
        }

        return valid ? values : null;
    }
}
