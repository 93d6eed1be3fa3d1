using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>
/// A SubNetwork layer's configuration: the network class, what it takes and gives, and how this
/// member uses it.
/// </summary>
/// <param name="Network">The class as its own analysis found it; null when the member's type is not a <c>[Network]</c> class (reported).</param>
/// <param name="Output">The output this layer gives, by its layer name in the sub-network; null when the sub-network has one.</param>
/// <param name="Shares">The earlier member whose instance this one uses, or null when it has its own.</param>
internal sealed record SubNetworkConfig(SubNetworkDefinition? Network, string? Output, string? Shares) : LayerConfig
{
    /// <summary>Whether the layer can be built: its class is a valid, concrete network that does not contain the one using it.</summary>
    public bool IsUsable => Network is { Cycle: null, IsValid: true, IsAbstract: false };

    /// <summary>The output the layer gives: the one named by <see cref="Output"/>, or the only one.</summary>
    public SubNetworkPort? SelectedOutput => Network is not { } network ? null
        : Output is { } name ? network.Outputs.FirstOrDefault(port => port.Name == name)
        : network.Outputs.Count == 1 ? network.Outputs[0] : null;
}

/// <summary>
/// Another <c>[Network]</c> class as one layer, Keras's functional model called on a tensor
/// (<c>encoder(inputs)</c>, or <c>attend([query, context])</c> for one with several inputs). The
/// parser analyses the class on its own and records its inputs, outputs and counts
/// (<see cref="SubNetworkDefinition"/>); this rule checks that the layer gives one input per
/// sub-network input (NG0027), each of the type that input declares (NG0024), that a sub-network
/// with several outputs is told which one to give (NG0026), that the class is not abstract
/// (NG0032: the network using it creates it), and reports a class that contains,
/// directly or through others, the network using it (NG0025). The member is registered under its
/// own name, so the sub-network's weights are saved as <c>Encode.Hidden.weight</c>; <c>Shares</c>
/// reuses an earlier member's instance, registered and counted once. An output the sub-network
/// ends in sigmoid or softmax is this layer's activation, applied inside the module: a network
/// whose output it is trains from the logits the sub-network's <c>RunLogits</c> gives.
/// </summary>
internal sealed class SubNetworkLayer : LayerRule<SubNetworkConfig>
{
    private static readonly ArgumentSpec[] s_arguments = { new("Output", null), new("Shares", null) };

    public override LayerKind Kind => LayerKind.SubNetwork;

    public override string TypeName => "SubNetwork";

    public override IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    /// <summary>A sub-network with several inputs names one layer or input for each: <c>[SubNetwork(nameof(Query), nameof(Context))]</c>.</summary>
    public override bool MayNameInputs => true;

    /// <summary>Any element type: the sub-network's own input says which (token ids for an encoder with an Embedding).</summary>
    public override bool Accepts(ElementKind elementType) => true;

    public override string AcceptedElementTypes => "the sub-network's input type";

    protected override SubNetworkConfig ReadConfig(LayerContext layer)
    {
        var reader = layer.Reader(s_arguments);
        var config = new SubNetworkConfig(layer.Definition.SubNetwork, reader.String("Output"), reader.String("Shares"));
        if (config.Network is not { } network)
        {
            // The compiler reports a type that does not resolve.
            if (layer.Definition.Member.DeclaredType is { } declared)
            {
                layer.Report(ProblemKind.LayerTypeMismatch, Site.LayerType(layer.Index), layer.Name, TypeName, "a class marked [Network] declared in this project", Unqualified(declared));
            }

            return config;
        }

        if (network.Cycle is { } cycle)
        {
            layer.Report(ProblemKind.NetworkContainsItself, Site.LayerType(layer.Index), layer.Name, network.Name, cycle);
            return config;
        }

        if (network.IsAbstract)
        {
            layer.Report(ProblemKind.AbstractSubNetwork, Site.LayerType(layer.Index), layer.Name, network.Name);
            return config;
        }

        if (!network.IsValid)
        {
            return config;
        }

        // The inputs are bound by position, as the sub-network's forward takes them.
        var given = layer.InputNames.Count;
        if (given > 0 && given != network.Inputs.Count)
        {
            var site = given > network.Inputs.Count && layer.Definition.Arguments.TryGet("inputs", out var named) && named.Elements.Count > network.Inputs.Count
                ? layer.Argument("inputs", network.Inputs.Count)
                : layer.Attribute;
            layer.Report(ProblemKind.SubNetworkInputCount, site, layer.Name, Inputs(given), network.Name, Format.Number(network.Inputs.Count), Format.Quoted(network.Inputs.Select(static port => port.Name)));
            return config;
        }

        var outputs = Format.Quoted(network.Outputs.Select(static port => port.Name));
        if (config.Output is { } output && !network.Outputs.Any(port => port.Name == output))
        {
            layer.Report(ProblemKind.SubNetworkOutputNotSelected, layer.Argument("Output"), layer.Name, network.Name, "has no output '" + output + "'; its outputs are " + outputs);
        }
        else if (config.Output is null && network.Outputs.Count > 1)
        {
            layer.Report(ProblemKind.SubNetworkOutputNotSelected, layer.Attribute, layer.Name, network.Name, "has the outputs " + outputs + "; say which one this layer gives with Output = nameof(" + network.Name + "." + network.Outputs[0].Name + ")");
        }

        return config;
    }

    protected override ShapeResult InferShape(LayerContext layer, SubNetworkConfig config, IReadOnlyList<TensorType> inputs)
    {
        // A class that is not a usable network, or an output that names nothing, was reported when the configuration was read.
        if (!config.IsUsable || config.SelectedOutput is not { } output)
        {
            return ShapeResult.Failed;
        }

        // The count was checked when the configuration was read.
        var network = config.Network!;
        var named = inputs.Count > 1 || (layer.Definition.Arguments.TryGet("inputs", out var names) && names.Elements.Count > 0);
        var fits = true;
        for (var i = 0; i < inputs.Count && i < network.Inputs.Count; i++)
        {
            var expected = network.Inputs[i];
            if (expected.Type is { } type && !type.Equals(inputs[i]))
            {
                // Named inputs are reported at the name that gives the wrong one.
                var given = named ? inputs[i].Describe() + " from '" + layer.InputNames[i] + "'" : inputs[i].Describe();
                layer.Report(ProblemKind.SubNetworkInputMismatch, named ? layer.Argument("inputs", i) : layer.Attribute, layer.Name, given, network.Name, "whose input '" + expected.Name + "' is " + type.Describe());
                fits = false;
            }
        }

        if (!fits)
        {
            return ShapeResult.Failed;
        }

        return output.Type is { } outputType ? outputType : ShapeResult.Dynamic("the output '" + output.Name + "' of " + network.Name + " is known only at run time");
    }

    protected override ParameterCount CountParameters(SubNetworkConfig config, IReadOnlyList<TensorType> inputs) =>
        config.Shares is null && config.Network is { } network
            ? new ParameterCount(network.ParameterCount, network.TrainableParameterCount)
            : default;

    protected override string? ModuleType(SubNetworkConfig config, TensorType? input) =>
        config.IsUsable ? Unqualified(config.Network!.TypeName) : null;

    public override string? SharesModuleOf(LayerConfig config) => ((SubNetworkConfig)config).Shares;

    /// <summary>The sigmoid or softmax the selected output ends in, which the sub-network applies itself.</summary>
    protected override ActivationUse? Activation(SubNetworkConfig config) =>
        config.IsUsable && config.SelectedOutput is { Activation: not ActivationKind.Linear } output
            ? new ActivationUse(output.Activation, 0, IsModule: false, IsInsideModule: true)
            : null;

    /// <summary>
    /// <c>SubNetworkOutputs.Logits(_decode, 0, code)</c>: the sub-network's <c>RunLogits</c>, which
    /// leaves its outputs' sigmoid or softmax out, keeping the selected output.
    /// </summary>
    public override string EmitLogitsCall(LayerConfig config, string module, IReadOnlyList<string> inputs, TensorType input)
    {
        var subNetwork = (SubNetworkConfig)config;
        var outputs = subNetwork.Network!.Outputs;
        var index = 0;
        while (index < outputs.Count - 1 && outputs[index].Name != subNetwork.SelectedOutput!.Name)
        {
            index++;
        }

        return "global::NetGen.SubNetworkOutputs.Logits(" + module + ", " + Format.Number(index) + ", " + string.Join(", ", inputs) + ")";
    }

    protected override void EmitConstruction(ConstructionWriter writer, SubNetworkConfig config, TensorType input)
    {
        // Its own seed, drawn from this network's generator: two members of one class start different.
        writer.Create($"new {config.Network!.TypeName}({writer.Device}, {writer.Dtype}, global::NetGen.Initializers.Seed({writer.UseGenerator()}))");
    }

    protected override string EmitCall(SubNetworkConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        config.Output is not null && config.Network!.Outputs.Count > 1 && config.SelectedOutput is { } output
            ? "global::NetGen.SubNetworkOutputs.Take(" + module + ".call(" + string.Join(", ", inputs) + "), static outputs => outputs." + output.Identifier + ")"
            : module + ".call(" + string.Join(", ", inputs) + ")";

    public override string DisplayType(LayerConfig? config) =>
        config is SubNetworkConfig { Network: { } network } ? network.Name : TypeName;

    protected override string Describe(SubNetworkConfig config, IReadOnlyList<string> inputs)
    {
        var name = config.Network?.Name ?? "?";
        var output = config.Output is { } selected ? ", Output = " + selected : string.Empty;
        var shares = config.Shares is { } owner ? ", Shares = " + owner : string.Empty;
        return "SubNetwork(" + name + output + shares + ")";
    }

    private static string Inputs(int count) => count == 1 ? "1 input" : Format.Number(count) + " inputs";

    private static string Unqualified(string type)
    {
        var name = type.StartsWith("global::", System.StringComparison.Ordinal) ? type.Substring("global::".Length) : type;
        return name.EndsWith("?", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - 1) : name;
    }
}
