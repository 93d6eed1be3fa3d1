using System.Collections.Generic;
using System.Linq;
using NetGen.Model;
using NetGen.Model.Layers;
using NetGen.Shared;

namespace NetGen.Generator.Emit;

/// <summary>Writes what the generated class says about itself: the runtime description and the summary table.</summary>
internal static class DescriptionEmitter
{
    private const string NetGen = "global::NetGen";

    /// <summary>The Keras-style summary of the fresh network, as <c>Summary()</c> prints it at run time.</summary>
    public static string SummaryTable(NetworkSpec spec)
    {
        var isGraph = IsGraph(spec);
        var rows = Rows(spec).Select(index => spec.Layers[index]).Select(static layer => new SummaryRow(
            layer.Name + " (" + layer.TypeName + ")",
            layer.OutputType?.ToString() ?? "?",
            LayerRules.For(layer.Kind).CountsParametersAtRunTime ? null : layer.ParameterCount,
            string.Join(", ", layer.Inputs.Concat(InitialState(layer) is { } state ? new[] { state + " (state)" } : Enumerable.Empty<string>()))));
        var inputs = isGraph ? spec.Inputs.Select(static input => new SummaryRow(input.Name + " (InputLayer)", input.Type?.ToString() ?? "?", 0, string.Empty)) : Enumerable.Empty<SummaryRow>();
        return Shared.SummaryTable.Format(
            spec.DisplayName,
            inputs.Concat(rows).ToList(),
            isGraph,
            spec.Layers.Sum(static l => l.ParameterCount),
            spec.Layers.Sum(static l => l.TrainableParameterCount));
    }

    public static void Emit(SourceWriter writer, NetworkSpec spec)
    {
        // private static readonly NetworkDescription s_description = new(name, inputs: [...], layers: [...], outputs: [...]);
        writer.WriteLine($"private static readonly {NetGen}.NetworkDescription {spec.Names.Description} = new(");
        writer.Indent();
        writer.WriteLine($"name: {Code.Literal(spec.DisplayName)},");
        writer.WriteLine("inputs:");
        writer.WriteLine("[");
        writer.Indent();
        foreach (var input in spec.Inputs)
        {
            writer.WriteLine($"new {NetGen}.InputDescription({Code.Literal(input.Name)}, {NetGen}.ElementType.{input.Type!.ElementType}, {Shape(input.Type)}),");
        }

        writer.Unindent();
        writer.WriteLine("],");
        writer.WriteLine("layers:");
        writer.WriteLine("[");
        writer.Indent();
        foreach (var index in Rows(spec))
        {
            var layer = spec.Layers[index];
            var inputs = string.Join(", ", layer.Inputs.Select(Code.Literal));
            writer.WriteLine($"new {NetGen}.LayerDescription({Code.Literal(layer.Name)}, {Code.Literal(layer.TypeName)}, {OutputShape(layer)}, {Format.Number(layer.ParameterCount)}, {Format.Number(layer.TrainableParameterCount)}, [{inputs}]){Declared(layer)},");
        }

        writer.Unindent();
        writer.WriteLine("],");
        writer.WriteLine("outputs:");
        writer.WriteLine("[");
        writer.Indent();
        foreach (var output in spec.Outputs)
        {
            writer.WriteLine($"new {NetGen}.OutputDescription({Code.Literal(output.Name)}, {Shape(spec.Layers[output.Layer].OutputType)}, {NetGen}.Activation.{output.Activation}),");
        }

        writer.Unindent();
        var lossTerms = spec.ExecutionOrder.Select(index => spec.Layers[index]).Where(static layer => LayerRules.For(layer.Kind).IsLossTerm).ToList();
        if (lossTerms.Count == 0)
        {
            writer.WriteLine("]);");
        }
        else
        {
            writer.WriteLine("],");
            writer.WriteLine($"lossTerms: [{string.Join(", ", lossTerms.Select(static layer => Code.Literal(((LossTermConfig)layer.Config!).Name)))}]);");
        }

        writer.Unindent();
        writer.WriteLine();
    }

    /// <summary>The layers of the summary and the description, in execution order: loss terms are not layers a user looks at.</summary>
    private static List<int> Rows(NetworkSpec spec) =>
        spec.ExecutionOrder.Where(index => !LayerRules.For(spec.Layers[index].Kind).IsLossTerm).ToList();

    /// <summary>
    /// A layer's output shape in the description: its type, or for a custom layer known only at run time
    /// whose module type has a shape function, what that function computes from the known input shape
    /// (called when the description is created, so <c>Summary()</c> shows it).
    /// </summary>
    private static string OutputShape(LayerSpec layer) =>
        layer.OutputType is null && layer.Config is CustomLayerConfig { HasShapeFunction: true, TypeName: { } module } && layer.InputType is { IsKnown: true } input
            ? $"{TypeNames.Layers}.CustomLayers.ShapeOf({Code.Literal(layer.Name)}, {module}.ComputeOutputShape(new long[] {{ {string.Join(", ", input.Dimensions.Select(static d => Format.Number(d.Size)))} }}))"
            : Shape(layer.OutputType);

    /// <summary><c>new global::NetGen.Shape(3, 32, 32)</c>, named dimensions through <c>Dimension.Named</c>; <c>null</c> when known only at run time.</summary>
    public static string Shape(TensorType? type)
    {
        if (type is null)
        {
            return "null";
        }

        if (type.IsKnown)
        {
            return $"new {NetGen}.Shape({string.Join(", ", type.Dimensions.Select(static d => Format.Number(d.Size)))})";
        }

        return $"new {NetGen}.Shape({string.Join(", ", type.Dimensions.Select(static d => d.IsKnown ? Format.Number(d.Size) : $"{NetGen}.Dimension.Named({Code.Literal(d.Name!)})"))})";
    }

    /// <summary>Matches NetworkDescription.IsGraph: anything but one input, a chain of layers each reading the one before, and the last layer as the only output.</summary>
    private static bool IsGraph(NetworkSpec spec)
    {
        if (spec.Inputs.Count != 1 || spec.Outputs.Count != 1 || Rows(spec).Count == 0 || spec.Outputs[0].Layer != Rows(spec)[Rows(spec).Count - 1])
        {
            return true;
        }

        for (var i = 0; i < Rows(spec).Count; i++)
        {
            var layer = spec.Layers[Rows(spec)[i]];
            var expected = i == 0 ? spec.Inputs[0].Name : spec.Layers[Rows(spec)[i - 1]].Name;
            if (layer.Inputs.Count != 1 || layer.Inputs[0] != expected || InitialState(layer) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The layer whose final state this one starts from (Keras lists it under "Connected to"), or null.</summary>
    private static string? InitialState(LayerSpec layer)
    {
        if (layer.Config is null)
        {
            return null;
        }

        var rule = LayerRules.For(layer.Kind);
        for (var link = 0; link < layer.Links.Count; link++)
        {
            if (rule.LinkReadsState(layer.Config, link))
            {
                return layer.Links[link];
            }
        }

        return null;
    }

    /// <summary>
    /// What the layer declares about training, when it differs from the defaults, and the layer whose
    /// state it starts from: <c> { Group = "features", Trainable = false, InitialState = "Encoder" }</c>.
    /// </summary>
    private static string Declared(LayerSpec layer)
    {
        var settings = new List<string>();
        if (layer.Group is { } group)
        {
            settings.Add("Group = " + Code.Literal(group));
        }

        if (!layer.Trainable)
        {
            settings.Add("Trainable = false");
        }

        if (InitialState(layer) is { } state)
        {
            settings.Add("InitialState = " + Code.Literal(state));
        }

        return settings.Count == 0 ? string.Empty : " { " + string.Join(", ", settings) + " }";
    }
}
