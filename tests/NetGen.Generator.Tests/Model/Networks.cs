using System.Collections.Generic;
using System.Linq;
using NetGen.Model;

namespace NetGen.Generator.Tests.Model;

/// <summary>Builds network definitions by hand, without Roslyn: attribute arguments as the parser would read them.</summary>
internal static class Networks
{
    public static NetworkDefinition Define(int[] input, params LayerDefinition[] layers) => Define(new[] { Input(input.Cast<object>().ToArray()) }, layers);

    public static NetworkDefinition Define(InputDefinition[] inputs, params LayerDefinition[] layers) =>
        new("Net", new DeclarationForm(), inputs.ToEquatableArray(), layers.ToEquatableArray(), AttributeArguments.Empty, null, EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>An [Input]: ints are sizes, strings are named dimensions.</summary>
    public static InputDefinition Input(object[] shape, string? name = null, ElementKind elementType = ElementKind.Float32)
    {
        var arguments = new List<(string, ArgumentValue)> { ("shape", ArgumentValue.Array(shape.Select(Value))) };
        if (name is not null)
        {
            arguments.Add(("Name", ArgumentValue.String(name)));
        }

        if (elementType != ElementKind.Float32)
        {
            arguments.Add(("ElementType", ArgumentValue.Enum((int)elementType, "NetGen.ElementType")));
        }

        return new InputDefinition(AttributeArguments.Of(arguments.ToArray()));
    }

    public static AttributeArguments NetworkArguments(LossKind loss = LossKind.None, params MetricKind[] metrics) =>
        AttributeArguments.Of(
            ("Loss", ArgumentValue.Enum((int)loss, "NetGen.Loss")),
            ("Metrics", ArgumentValue.Array(metrics.Select(static m => ArgumentValue.Enum((int)m, "NetGen.Metric")))));

    public static LayerDefinition Dense(string name, int units, ActivationKind activation = ActivationKind.Linear, string? from = null) =>
        Layer(name, LayerKind.Dense, "TorchSharp.Modules.Linear", from, ("units", ArgumentValue.Int(units)), ("activation", ArgumentValue.Enum((int)activation, "NetGen.Activation")));

    public static LayerDefinition Dropout(string name, double rate) =>
        Layer(name, LayerKind.Dropout, "TorchSharp.Modules.Dropout", null, ("rate", ArgumentValue.Double(rate)));

    public static LayerDefinition Flatten(string name, string? from = null) =>
        Layer(name, LayerKind.Flatten, "TorchSharp.Modules.Flatten", from);

    public static LayerDefinition BatchNorm(string name, string type = "TorchSharp.Modules.BatchNorm1d") =>
        Layer(name, LayerKind.BatchNormalization, type, null);

    public static LayerDefinition Activation(string name, ActivationKind activation) =>
        Layer(name, LayerKind.Activation, "TorchSharp.Modules." + activation switch { ActivationKind.Linear => "Identity", _ => activation.ToString() }, null,
            ("activation", ArgumentValue.Enum((int)activation, "NetGen.Activation")));

    public static LayerDefinition Reshape(string name, params int[] target) =>
        Layer(name, LayerKind.Reshape, "NetGen.Layers.Reshape", null, ("targetShape", ArgumentValue.Array(target.Select(ArgumentValue.Int))));

    public static LayerDefinition Permute(string name, params int[] dims) =>
        Layer(name, LayerKind.Permute, "NetGen.Layers.Permute", null, ("dims", ArgumentValue.Array(dims.Select(ArgumentValue.Int))));

    public static LayerDefinition Conv2D(string name, int filters, int kernelSize, int strides = 1, PaddingKind padding = PaddingKind.Valid, int dilation = 1, int groups = 1) =>
        Layer(name, LayerKind.Conv2D, "TorchSharp.Modules.Conv2d", null,
            ("filters", ArgumentValue.Int(filters)),
            ("kernelSize", ArgumentValue.Int(kernelSize)),
            ("Strides", ArgumentValue.Int(strides)),
            ("Padding", ArgumentValue.Enum((int)padding, "NetGen.Padding")),
            ("DilationRate", ArgumentValue.Int(dilation)),
            ("Groups", ArgumentValue.Int(groups)));

    public static LayerDefinition MaxPooling2D(string name, int poolSize = 2, int strides = 0, PaddingKind padding = PaddingKind.Valid) =>
        Layer(name, LayerKind.MaxPooling2D, "TorchSharp.Modules.MaxPool2d", null,
            ("poolSize", ArgumentValue.Int(poolSize)),
            ("Strides", ArgumentValue.Int(strides)),
            ("Padding", ArgumentValue.Enum((int)padding, "NetGen.Padding")));

    public static LayerDefinition GlobalAveragePooling2D(string name) =>
        Layer(name, LayerKind.GlobalAveragePooling2D, "NetGen.Layers.GlobalAveragePooling2D", null);

    public static LayerDefinition Backbone(string name, BackboneArchitectureKind architecture) =>
        Layer(name, LayerKind.Backbone, "NetGen.Layers.Backbone", null, ("architecture", ArgumentValue.Enum((int)architecture, "NetGen.BackboneArchitecture")));

    public static LayerDefinition Add(string name, params string[] inputs) =>
        Layer(name, LayerKind.Add, "NetGen.Layers.Add", null, ("inputs", Names(inputs)));

    public static LayerDefinition Concatenate(string name, int? axis, params string[] inputs)
    {
        var arguments = new List<(string, ArgumentValue)> { ("inputs", Names(inputs)) };
        if (axis is { } value)
        {
            arguments.Add(("Axis", ArgumentValue.Int(value)));
        }

        return Layer(name, LayerKind.Concatenate, "NetGen.Layers.Concatenate", null, arguments.ToArray());
    }

    /// <summary>Any layer kind, its arguments as written in its attribute.</summary>
    public static LayerDefinition Of(LayerKind kind, string name, string type, params (string Name, ArgumentValue Value)[] arguments) =>
        Layer(name, kind, type, null, arguments);

    /// <summary>An (height, width) or border argument written as an array: <c>[3, 5]</c>.</summary>
    public static ArgumentValue Ints(params int[] values) => ArgumentValue.Array(values.Select(ArgumentValue.Int));

    /// <summary>The layer marked [Output], with its own loss and metrics when given.</summary>
    public static LayerDefinition AsOutput(this LayerDefinition layer, LossKind loss = LossKind.None, double? weight = null, params MetricKind[] metrics)
    {
        var arguments = new List<(string, ArgumentValue)>();
        if (loss != LossKind.None)
        {
            arguments.Add(("Loss", ArgumentValue.Enum((int)loss, "NetGen.Loss")));
        }

        if (weight is { } value)
        {
            arguments.Add(("LossWeight", ArgumentValue.Double(value)));
        }

        if (metrics.Length > 0)
        {
            arguments.Add(("Metrics", ArgumentValue.Array(metrics.Select(static m => ArgumentValue.Enum((int)m, "NetGen.Metric")))));
        }

        return layer with { Output = AttributeArguments.Of(arguments.ToArray()) };
    }

    /// <summary>The layer with one more argument, as written in its attribute.</summary>
    public static LayerDefinition With(this LayerDefinition layer, string name, ArgumentValue value) =>
        layer with { Arguments = AttributeArguments.Of(layer.Arguments.Names.Select(n => { layer.Arguments.TryGet(n, out var v); return (n, v); }).Append((name, value)).ToArray()) };

    /// <summary>A [SubNetwork] member of the class <paramref name="network"/> describes, with <c>Output</c> and <c>Shares</c> when given.</summary>
    public static LayerDefinition SubNetwork(string name, SubNetworkDefinition network, string? from = null, string? output = null, string? shares = null)
    {
        var arguments = new List<(string, ArgumentValue)>();
        if (output is not null)
        {
            arguments.Add(("Output", ArgumentValue.String(output)));
        }

        if (shares is not null)
        {
            arguments.Add(("Shares", ArgumentValue.String(shares)));
        }

        return Layer(name, LayerKind.SubNetwork, network.TypeName.Substring("global::".Length), from, arguments.ToArray()) with { SubNetwork = network };
    }

    /// <summary>What the parser records about a valid [Network] class: its inputs and outputs as (name, features), and its counts.</summary>
    public static SubNetworkDefinition Analysed(string name, (string Name, int Features)[] inputs, (string Name, int Features)[] outputs, long parameters) =>
        new(
            "global::Lab." + name,
            name,
            null,
            true,
            inputs.Select(static i => new SubNetworkPort(i.Name, TensorType.Float(i.Features), i.Name)).ToEquatableArray(),
            outputs.Select(static o => new SubNetworkPort(o.Name, TensorType.Float(o.Features), o.Name)).ToEquatableArray(),
            parameters,
            parameters);

    private static LayerDefinition Layer(string name, LayerKind kind, string type, string? from, params (string Name, ArgumentValue Value)[] arguments) =>
        new(
            name,
            kind,
            AttributeArguments.Of(from is null ? arguments : arguments.Append(("From", ArgumentValue.String(from))).ToArray()),
            new MemberDeclaration("global::" + type));

    private static ArgumentValue Names(IEnumerable<string> names) => ArgumentValue.Array(names.Select(static n => ArgumentValue.String(n)));

    private static ArgumentValue Value(object dimension) => dimension switch
    {
        int size => ArgumentValue.Int(size),
        string name => ArgumentValue.String(name),
        _ => ArgumentValue.Other(dimension.GetType().Name, dimension),
    };
}
