using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>What the merge layers (Add, Concatenate) share: their emission and their checks on shapes.</summary>
internal static class MergeInputs
{
    /// <summary><c>_residual.call([a, b])</c>.</summary>
    public static string Call(string module, IReadOnlyList<string> inputs) => module + ".call([" + string.Join(", ", inputs) + "])";

    /// <summary>Whether every input has the element type of the first; else reported on the attribute.</summary>
    public static bool SameElementType(LayerContext layer, string kind, IReadOnlyList<TensorType> inputs)
    {
        if (inputs.All(input => input.ElementType == inputs[0].ElementType))
        {
            return true;
        }

        layer.Report(
            ProblemKind.UnsupportedElementType,
            layer.Attribute,
            kind,
            layer.Name,
            "inputs of one element type",
            string.Join(", ", layer.InputNames.Select((name, i) => name + " " + Layout.Name(inputs[i].ElementType))));
        return false;
    }
}
