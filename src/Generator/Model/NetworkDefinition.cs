using System;

namespace NetGen.Model;

/// <summary>
/// A network as declared: what the parser read from the attributes, before any analysis.
/// Plain data (no Roslyn types), so analysis can be tested without a compilation.
/// </summary>
internal sealed record NetworkDefinition(
    string Name,
    string InputName,
    EquatableArray<int>? InputShape,
    EquatableArray<LayerDefinition> Layers,
    CompileDefinition Compile);

/// <summary>One layer member as declared.</summary>
/// <param name="Name">Member name, which is the module name.</param>
/// <param name="Kind">Layer kind, from the attribute.</param>
/// <param name="Inputs">Names the layer reads, as written; empty when it reads the member declared before it.</param>
/// <param name="Hyperparameters">Attribute arguments.</param>
/// <param name="DeclaredType">The member's type, fully qualified with <c>global::</c>, or null when it cannot be read.</param>
/// <param name="Accessibility">The member's accessibility as written in C#.</param>
/// <param name="IsPartialProperty">Whether the member is a partial, get-only instance property the generator can implement.</param>
/// <param name="IsComplete">False when an attribute argument has compile errors; analysis then stays quiet about the layer.</param>
/// <param name="IgnoredFrom">A <c>From</c> given to a merge layer, whose inputs are its arguments instead.</param>
internal sealed record LayerDefinition(
    string Name,
    LayerKind Kind,
    EquatableArray<string> Inputs,
    LayerHyperparameters Hyperparameters,
    string? DeclaredType,
    string Accessibility,
    bool IsPartialProperty,
    bool IsComplete,
    string? IgnoredFrom = null);

/// <summary>
/// The arguments of every layer attribute in one flat record: each kind reads the ones it has.
/// Defaults are the attributes' defaults.
/// </summary>
internal sealed record LayerHyperparameters(
    int Units = 0,
    ActivationKind Activation = ActivationKind.Linear,
    bool UseBias = true,
    double Alpha = 0.3,
    double Rate = 0,
    double Momentum = 0.99,
    double Epsilon = 0.001,
    int Axis = -1);

/// <summary>The compile configuration declared by <c>[Network]</c> and <c>[Optimizer]</c>.</summary>
/// <param name="Loss">The declared loss.</param>
/// <param name="Metrics">The declared metrics, in order.</param>
/// <param name="Optimizer">The optimizer in effect.</param>
/// <param name="NetworkOptimizer">The optimizer named on [Network], when it was set explicitly.</param>
/// <param name="HasOptimizerAttribute">Whether [Optimizer] is present.</param>
/// <param name="Settings">Hyperparameters set explicitly, learning rate included, by attribute property name.</param>
internal sealed record CompileDefinition(
    LossKind Loss,
    EquatableArray<MetricKind> Metrics,
    OptimizerKind Optimizer,
    OptimizerKind? NetworkOptimizer,
    bool HasOptimizerAttribute,
    EquatableArray<OptimizerSetting> Settings);

/// <summary>An optimizer hyperparameter set explicitly, and on which attribute.</summary>
internal sealed record OptimizerSetting(string Name, double Value, bool OnNetworkAttribute);
