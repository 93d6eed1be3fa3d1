using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>
/// Reads the compile configuration: loss, metrics and optimizer from <c>[Network]</c>, its
/// hyperparameters from <c>[Optimizer]</c>, and each output's own loss, weight and metrics from
/// <c>[Output]</c> (the network's apply where an output declares none, as Keras applies one loss
/// to every output).
/// </summary>
internal static class CompileAnalysis
{
    private static readonly ArgumentSpec[] s_network =
    {
        new("Loss", LossKind.None),
        new("Metrics", null),
        new("Optimizer", OptimizerKind.Adam),
        new("LearningRate", double.NaN),
    };

    private static readonly ArgumentSpec[] s_optimizer =
    {
        new("kind", null),
        new("LearningRate", double.NaN),
        new("Momentum", double.NaN),
        new("Nesterov", false),
        new("WeightDecay", double.NaN),
        new("Beta1", double.NaN),
        new("Beta2", double.NaN),
        new("Rho", double.NaN),
        new("Epsilon", double.NaN),
    };

    private static readonly ArgumentSpec[] s_output =
    {
        new("Loss", LossKind.None),
        new("LossWeight", 1.0),
        new("Metrics", null),
    };

    /// <summary>The arguments of <c>[Network]</c>, <c>[Optimizer]</c> and <c>[Output]</c> (checked against the runtime attributes by a test).</summary>
    public static IReadOnlyList<ArgumentSpec> NetworkArguments => s_network;

    public static IReadOnlyList<ArgumentSpec> OptimizerArguments => s_optimizer;

    public static IReadOnlyList<ArgumentSpec> OutputArguments => s_output;

    public static CompileModel Read(NetworkDefinition network, IReadOnlyList<int> outputs, List<Issue> issues)
    {
        var networkReader = new ArgumentReader(network.Network, s_network, static (name, element) => Site.NetworkArgument(name, element), issues);
        var loss = networkReader.Enum<LossKind>("Loss");
        var metrics = networkReader.Enums<MetricKind>("Metrics") ?? new MetricKind[0];
        var networkOptimizer = networkReader.Has("Optimizer") ? networkReader.Enum<OptimizerKind>("Optimizer") : (OptimizerKind?)null;
        var settings = new List<OptimizerSetting>();
        var learningRate = networkReader.Double("LearningRate");
        if (networkReader.Has("LearningRate"))
        {
            settings.Add(new OptimizerSetting("LearningRate", learningRate, OnNetworkAttribute: true));
        }

        var optimizer = networkOptimizer ?? OptimizerKind.Adam;
        if (network.Optimizer is { } optimizerArguments)
        {
            var reader = new ArgumentReader(optimizerArguments, s_optimizer, static (name, element) => name == "kind" ? Site.OptimizerAttribute : Site.OptimizerArgument(name, element), issues);
            if (reader.Has("kind"))
            {
                optimizer = reader.Enum<OptimizerKind>("kind");
            }

            foreach (var spec in s_optimizer.Skip(1))
            {
                if (!reader.Has(spec.Name))
                {
                    continue;
                }

                var value = spec.Name == "Nesterov" ? (reader.Bool("Nesterov") ? 1 : 0) : reader.Double(spec.Name);

                // The attribute's NaN means "not set": writing NaN keeps the optimizer's default.
                if (!double.IsNaN(value))
                {
                    // [Optimizer]'s learning rate replaces [Network]'s: a different one there is ignored (NG0222).
                    if (spec.Name == "LearningRate" && settings.FirstOrDefault(static s => s.Name == "LearningRate") is { } onNetwork && onNetwork.Value != value
                        && onNetwork.Value > 0 && !double.IsInfinity(onNetwork.Value))
                    {
                        issues.Add(new Issue(ProblemKind.LearningRateOverridden, Site.NetworkArgument("LearningRate"), network.Name, Format.Number(onNetwork.Value), Format.Number(value)));
                    }

                    settings.RemoveAll(setting => setting.Name == spec.Name);
                    settings.Add(new OptimizerSetting(spec.Name, value, OnNetworkAttribute: false));
                }
            }

            if (networkOptimizer is { } declared && declared != optimizer)
            {
                issues.Add(new Issue(ProblemKind.ConflictingOptimizer, Site.OptimizerAttribute, network.Name, declared.ToString(), optimizer.ToString()));
            }
        }

        var compiles = new List<OutputCompile>();
        foreach (var index in outputs)
        {
            var layer = network.Layers[index];
            if (layer.Output is not { } outputArguments)
            {
                compiles.Add(new OutputCompile(layer.Name, loss, false, 1.0, metrics.ToEquatableArray(), false));
                continue;
            }

            var reader = new ArgumentReader(outputArguments, s_output, (name, element) => Site.OutputArgument(index, name, element), issues);
            var ownLoss = reader.Enum<LossKind>("Loss");
            var weight = reader.Double("LossWeight");
            if (!(weight >= 0) || double.IsInfinity(weight))
            {
                reader.Report(ProblemKind.InvalidLayerHyperparameter, "LossWeight", -1, "LossWeight", layer.Name, "zero or a positive number", Format.Number(weight));
            }

            var ownMetrics = reader.Has("Metrics") ? reader.Enums<MetricKind>("Metrics") ?? new MetricKind[0] : null;
            compiles.Add(new OutputCompile(
                layer.Name,
                ownLoss != LossKind.None ? ownLoss : loss,
                ownLoss != LossKind.None,
                weight,
                (ownMetrics ?? metrics).ToEquatableArray(),
                ownMetrics is not null));
        }

        return new CompileModel(optimizer, settings.ToEquatableArray(), compiles.ToEquatableArray());
    }
}
