using System.Collections.Generic;
using System.Linq;
using NetGen.Model;
using NetGen.Model.Layers;

namespace NetGen.Generator.Emit;

/// <summary>
/// Writes <c>forward</c>: one local per layer an output depends on, in execution order, each
/// module run through <c>call</c> (so its hooks fire), and each intermediate disposed right after
/// its last use, as TorchSharp's <c>Sequential</c> does. A layer's links (the token ids a
/// recurrent layer's mask comes from, an encoder's final state) count as uses. Layers no output depends on are built
/// but not run. When an output ends in sigmoid or softmax, the body moves to a private method
/// with a <c>logits</c> flag that <c>ForwardLogits</c> uses for training.
/// </summary>
internal static class ForwardEmitter
{
    private const string Tensor = Code.Tensor;
    private const string LossTerms = "global::NetGen.LossTerms";

    public static void Emit(SourceWriter writer, NetworkSpec spec, string result)
    {
        var parameters = string.Join(", ", spec.Inputs.Select(static input => $"{Tensor} {input.ParameterName}"));
        var arguments = string.Join(", ", spec.Inputs.Select(static input => input.ParameterName));
        var inputShapes = string.Join(", ", spec.Inputs.Select(static input => input.Type?.ToString() ?? "?"));
        var outputShapes = string.Join(", ", spec.Outputs.Select(output => spec.Layers[output.Layer].OutputType?.ToString() ?? "?"));
        var hasLogits = spec.Outputs.Any(static output => output.Activation != ActivationKind.Linear);

        writer.WriteLine($"/// <summary>Runs the network on a batch shaped {Code.Xml(inputShapes)}; returns {Code.Xml(outputShapes)}.</summary>");
        if (!hasLogits)
        {
            writer.WriteLine($"public override {result} forward({parameters})");
            writer.OpenBlock();
            EmitBody(writer, spec, logits: false);
            writer.CloseBlock();
            return;
        }

        var logitOutputs = string.Join(" and ", spec.Outputs.Where(static o => o.Activation != ActivationKind.Linear).Select(static o => o.Name + "'s " + o.Activation.ToString().ToLowerInvariant()));
        writer.WriteLine($"public override {result} forward({parameters}) => {spec.Names.Forward}({arguments}, logits: false);");
        writer.WriteLine();

        // protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [...];
        var fromList = string.Join(", ", spec.Inputs.Select(static (_, i) => "inputs[" + Format.Number(i) + "]"));
        writer.WriteLine($"/// <summary>The outputs with {Code.Xml(logitOutputs)} left out, for training with a fused cross-entropy.</summary>");
        writer.WriteLine($"protected override {Tensor}[] ForwardLogits(global::System.Collections.Generic.IReadOnlyList<{Tensor}> inputs)");
        writer.OpenBlock();
        if (spec.Outputs.Count == 1)
        {
            writer.WriteLine($"return [{spec.Names.Forward}({fromList}, logits: true)];");
        }
        else
        {
            writer.WriteLine($"var outputs = {spec.Names.Forward}({fromList}, logits: true);");
            writer.WriteLine($"return [{string.Join(", ", spec.Outputs.Select(output => "outputs." + spec.Layers[output.Layer].Identifier))}];");
        }

        writer.CloseBlock();
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The layers of <c>forward</c>; with <paramref name=\"logits\"/>, {Code.Xml(logitOutputs)} is left out.</summary>");
        writer.WriteLine($"private {result} {spec.Names.Forward}({parameters}, bool logits)");
        writer.OpenBlock();
        EmitBody(writer, spec, logits: true);
        writer.CloseBlock();
    }

    private static void EmitBody(SourceWriter writer, NetworkSpec spec, bool logits)
    {
        var order = spec.ExecutionOrder.Where(index => spec.Layers[index].IsUsed).ToList();
        var expressions = new Dictionary<string, string>(System.StringComparer.Ordinal);

        // Final states other layers start from (an encoder's), by layer name.
        var states = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var input in spec.Inputs)
        {
            expressions[input.Name] = input.ParameterName;
        }

        var outputs = new HashSet<int>(spec.Outputs.Select(static o => o.Layer));
        var lastUse = new Dictionary<int, int>();
        for (var position = 0; position < order.Count; position++)
        {
            foreach (var name in spec.Layers[order[position]].Inputs.Concat(spec.Layers[order[position]].Links))
            {
                var source = IndexOf(spec, name);
                if (source >= 0)
                {
                    lastUse[source] = position;
                }
            }
        }

        for (var position = 0; position < order.Count; position++)
        {
            var index = order[position];
            var layer = spec.Layers[index];
            var rule = LayerRules.For(layer.Kind);
            var inputs = layer.Inputs.Select(name => expressions[name]).ToList();
            if (rule.IsLossTerm)
            {
                // A loss term is computed only when a training or evaluation step collects it.
                writer.WriteLine($"if ({LossTerms}.AreCollected(this))");
                writer.OpenBlock();
                writer.WriteLine($"{LossTerms}.Add(this, {Code.Literal(((LossTermConfig)layer.Config!).Name)}, {rule.EmitCall(layer.Config!, layer.Field, inputs, layer.InputType ?? new TensorType(ElementKind.Float32, EquatableArray<Dimension>.Empty))});");
                writer.CloseBlock();
                DisposeLastUses(writer, spec, lastUse, outputs, position);
                continue;
            }

            var inputType = layer.InputType ?? new TensorType(ElementKind.Float32, EquatableArray<Dimension>.Empty);
            var call = layer.Links.Count > 0 || layer.StateLocal is not null
                ? rule.EmitLinkedCall(layer.Config!, layer.Field, inputs, layer.Links.Select((name, link) => rule.LinkReadsState(layer.Config!, link) ? states[name] : expressions[name]).ToList(), layer.StateLocal, inputType)
                : rule.EmitCall(layer.Config!, layer.Field, inputs, inputType);
            var output = spec.Outputs.FirstOrDefault(o => o.Layer == index);
            var activation = rule.Activation(layer.Config!);
            string value;
            if (logits && output is { Activation: not ActivationKind.Linear } && activation is { IsInsideModule: true })
            {
                // The module applies the activation itself (a sub-network): its logits come from its own logits path.
                value = $"logits ? {rule.EmitLogitsCall(layer.Config!, layer.Field, inputs, inputType)} : {call}";
            }
            else if (logits && output is { Activation: not ActivationKind.Linear } && activation is { IsModule: true })
            {
                // The activation is the layer's module: its logits are its input.
                value = $"logits ? {inputs[0]}.alias() : {call}";
            }
            else if (activation is { IsModule: false, IsInsideModule: false, Kind: not ActivationKind.Linear } && !(logits && output is { Activation: not ActivationKind.Linear }))
            {
                value = Activations.Apply(activation, call, layer.OutputType);
            }
            else
            {
                value = call;
            }

            writer.WriteLine($"var {layer.Local} = {value};");
            expressions[layer.Name] = layer.Local;
            if (layer.StateLocal is not null)
            {
                states[layer.Name] = layer.StateLocal;
            }

            DisposeLastUses(writer, spec, lastUse, outputs, position);
        }

        var returned = spec.Outputs.Select(output =>
        {
            var layer = spec.Layers[output.Layer];
            var activation = LayerRules.For(layer.Kind).Activation(layer.Config!);
            return logits && output.Activation != ActivationKind.Linear && activation is { IsModule: false, IsInsideModule: false }
                ? $"logits ? {layer.Local} : {Activations.Apply(activation, layer.Local, layer.OutputType)}"
                : layer.Local;
        }).ToList();
        writer.WriteLine(spec.Outputs.Count == 1
            ? $"return {returned[0]};"
            : $"return new {Model.Analysis.NameRules.OutputsType}({string.Join(", ", returned)});");
    }

    /// <summary>Disposes the intermediates whose last use is at <paramref name="position"/> (outputs are returned, not disposed).</summary>
    private static void DisposeLastUses(SourceWriter writer, NetworkSpec spec, Dictionary<int, int> lastUse, HashSet<int> outputs, int position)
    {
        foreach (var source in lastUse.Where(pair => pair.Value == position).Select(static pair => pair.Key).OrderBy(static i => i))
        {
            if (!outputs.Contains(source))
            {
                writer.WriteLine($"{spec.Layers[source].Local}.Dispose();");
            }

            if (spec.Layers[source].StateLocal is { } state)
            {
                writer.WriteLine($"{state}.Dispose();");
            }
        }
    }

    private static int IndexOf(NetworkSpec spec, string name)
    {
        for (var i = 0; i < spec.Layers.Count; i++)
        {
            if (spec.Layers[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }
}
