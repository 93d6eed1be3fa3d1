using System.Linq;
using NetGen.Model;

namespace NetGen.Generator.Tests.Model;

/// <summary>Builds network definitions by hand, without Roslyn.</summary>
internal static class Networks
{
    public static NetworkDefinition Define(int[] input, params LayerDefinition[] layers) =>
        new("Net", "input", input.ToEquatableArray(), layers.ToEquatableArray(), Compile());

    public static CompileDefinition Compile(LossKind loss = LossKind.None, params MetricKind[] metrics) =>
        new(loss, metrics.ToEquatableArray(), NetGen.Model.OptimizerKind.Adam, null, false, EquatableArray<OptimizerSetting>.Empty);

    public static LayerDefinition Dense(string name, int units, ActivationKind activation = ActivationKind.Linear, string? from = null) =>
        Layer(name, LayerKind.Dense, "TorchSharp.Modules.Linear", new LayerHyperparameters(Units: units, Activation: activation), from);

    public static LayerDefinition Dropout(string name, double rate) =>
        Layer(name, LayerKind.Dropout, "TorchSharp.Modules.Dropout", new LayerHyperparameters(Rate: rate));

    public static LayerDefinition Flatten(string name) =>
        Layer(name, LayerKind.Flatten, "TorchSharp.Modules.Flatten", new LayerHyperparameters());

    public static LayerDefinition BatchNorm(string name, string type = "TorchSharp.Modules.BatchNorm1d") =>
        Layer(name, LayerKind.BatchNormalization, type, new LayerHyperparameters());

    public static LayerDefinition Add(string name, params string[] inputs) =>
        new(name, LayerKind.Add, inputs.ToEquatableArray(), new LayerHyperparameters(), "global::NetGen.Layers.Add", "public", true, true);

    public static LayerDefinition Concatenate(string name, int axis, params string[] inputs) =>
        new(name, LayerKind.Concatenate, inputs.ToEquatableArray(), new LayerHyperparameters(Axis: axis), "global::NetGen.Layers.Concatenate", "public", true, true);

    private static LayerDefinition Layer(string name, LayerKind kind, string type, LayerHyperparameters hyperparameters, string? from = null) =>
        new(name, kind, (from is null ? new string[0] : new[] { from }).ToEquatableArray(), hyperparameters, "global::" + type, "public", true, true);
}
