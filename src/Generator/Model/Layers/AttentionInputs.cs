using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// What the attention layers (Attention, AdditiveAttention, MultiHeadAttention) check on their
/// query and value: one element type, each a (steps, features) sequence with a known number of
/// features, and, where the scores compare the two directly, the same number of features. The
/// steps may differ and may be named.
/// </summary>
internal static class AttentionInputs
{
    /// <summary>The constructor parameters naming the query and the value.</summary>
    public static IReadOnlyList<string> Parameters { get; } = new[] { "query", "value" };

    /// <summary>Whether the inputs fit; else one problem is reported at the input (or the attribute) it concerns.</summary>
    public static bool Check(LayerContext layer, string kind, IReadOnlyList<TensorType> inputs, bool sameFeatures)
    {
        if (!MergeInputs.SameElementType(layer, kind, inputs))
        {
            return false;
        }

        for (var i = 0; i < 2; i++)
        {
            var input = inputs[i];
            if (input.Rank != 2)
            {
                layer.Report(ProblemKind.UnsupportedInputRank, layer.Argument(Parameters[i]), kind, layer.Name, input.ToString(), "a (steps, features) sequence as its " + Parameters[i] + " ('" + layer.InputNames[i] + "')");
                return false;
            }

            if (!input.Last.IsKnown)
            {
                layer.Report(ProblemKind.UnknownDimension, layer.Argument(Parameters[i]), kind, layer.Name, "the number of features of its " + Parameters[i], "it is '" + input.Last + "' in " + input);
                return false;
            }
        }

        if (sameFeatures && inputs[0].Last.Size != inputs[1].Last.Size)
        {
            layer.Report(ProblemKind.AttentionFeatureMismatch, layer.Attribute, kind, layer.Name, "query " + layer.InputNames[0] + " " + inputs[0], "value " + layer.InputNames[1] + " " + inputs[1]);
            return false;
        }

        return true;
    }

    /// <summary>NG0105 for an input whose shape is known only at run time: the layer needs its features.</summary>
    public static ShapeResult ReportDynamic(LayerContext layer, string kind, IReadOnlyList<ShapeResult> inputs)
    {
        var i = inputs[0].Status == ShapeStatus.Dynamic ? 0 : 1;
        layer.Report(ProblemKind.UnknownDimension, layer.Argument(Parameters[i]), kind, layer.Name, "the number of features of its " + Parameters[i], "its shape is known only at run time (" + inputs[i].Reason + ")");
        return ShapeResult.Failed;
    }

    /// <summary>
    /// <c>_attention.Run(query, value, queryTokens: tokens, valueTokens: tokens)</c>: the token ids
    /// of the masks that reach the query and the value (<paramref name="links"/>, in that order).
    /// </summary>
    public static string MaskedCall(IAttentionMasks masks, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links)
    {
        var arguments = new List<string> { inputs[0], inputs[1] };
        var link = 0;
        if (masks.QueryMasked)
        {
            arguments.Add("queryTokens: " + links[link++]);
        }

        if (masks.ValueMasked)
        {
            arguments.Add("valueTokens: " + links[link]);
        }

        return module + ".Run(" + string.Join(", ", arguments) + ")";
    }

    /// <summary><c>_attention.call(query, value)</c>.</summary>
    public static string Call(string module, IReadOnlyList<string> inputs) => module + ".call(" + inputs[0] + ", " + inputs[1] + ")";
}

/// <summary>Which of an attention layer's inputs carry a padding mask (set by <see cref="MaskLinks"/>).</summary>
internal interface IAttentionMasks
{
    /// <summary>Whether the query's steps come from a masking embedding: the outputs at its padded steps are zeros.</summary>
    bool QueryMasked { get; }

    /// <summary>Whether the value's steps come from a masking embedding: its padded steps get no attention weight.</summary>
    bool ValueMasked { get; }
}
