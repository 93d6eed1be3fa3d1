using System.Collections.Generic;
using System.Linq;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// Rules on how layers, losses, metrics and optimizer fit together: the mistakes Keras accepts
/// silently and that cost a training run to find. Checked per output, with that output's loss and metrics.
/// </summary>
internal static class ConfigurationRules
{
    public static void Check(NetworkDefinition network, IReadOnlyList<LayerResult> layers, IReadOnlyList<int> outputs, CompileModel compile, List<Issue> issues)
    {
        CheckSoftmaxUnits(network, layers, outputs, compile, issues);
        // Rules that follow the graph wait until the declaration has no error: a reference that failed
        // (a cycle, a layer named like an input) would make them read the wrong layer.
        var graphIsSound = !issues.Any(static issue => issue.Effect == ProblemEffect.BlocksGeneration);
        LayerSettingRules.Check(network, layers, graphIsSound, issues);
        if (graphIsSound)
        {
            ActivationOrderRules.Check(network, layers, outputs, issues);
        }
        for (var i = 0; i < outputs.Count; i++)
        {
            var index = outputs[i];
            var layer = network.Layers[index];
            if (layers[index].Config is null)
            {
                continue;
            }

            if (LayerRules.For(layer.Kind).IsIdentityAtInference)
            {
                issues.Add(new Issue(ProblemKind.DropoutAfterOutput, Site.LayerAttribute(index), layer.Name));
            }

            if (layers[index].Output.Type is { } type)
            {
                CheckLoss(network, index, OutputActivation(network, layers, index), type, compile.Outputs[i], issues);
                CheckProbabilityLoss(network, layers, index, type, compile.Outputs[i], issues);
            }
        }

        CheckOptimizer(compile, issues);
    }

    /// <summary>
    /// The activation that produces an output, looking through layers that are the identity at
    /// inference (dropout): the activation the output's values have when the loss sees them.
    /// </summary>
    public static ActivationKind OutputActivation(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int output)
    {
        var index = output;
        for (var guard = 0; guard < network.Layers.Count; guard++)
        {
            var rule = LayerRules.For(network.Layers[index].Kind);
            if (layers[index].Config is { } config && rule.Activation(config) is { } activation)
            {
                return activation.Kind;
            }

            if (!rule.IsIdentityAtInference || layers[index].InputNames.Count != 1)
            {
                break;
            }

            var source = IndexOf(network, layers[index].InputNames[0]);
            if (source < 0)
            {
                break;
            }

            index = source;
        }

        return ActivationKind.Linear;
    }

    private static void CheckSoftmaxUnits(NetworkDefinition network, IReadOnlyList<LayerResult> layers, IReadOnlyList<int> outputs, CompileModel compile, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var rule = LayerRules.For(network.Layers[i].Kind);
            if (layers[i].Config is { } config
                && rule.Activation(config) is { Kind: ActivationKind.Softmax, IsInsideModule: false }
                && layers[i].Output.Type is { } type
                && Units(type) is { IsKnown: true, Size: 1 })
            {
                // Sigmoid is the advice for a binary output; a hidden layer of one unit wants more units or another activation.
                var output = OutputNumber(outputs, i);
                if (output < 0)
                {
                    issues.Add(new Issue(ProblemKind.SoftmaxOnSingleUnit, Site.LayerAttribute(i), network.Layers[i].Name, "a hidden layer needs more units or another activation, such as ReLU"));
                    continue;
                }

                // The code fix turns the softmax into a sigmoid, and may switch a categorical loss to binary cross-entropy with it.
                var loss = compile.Outputs[output];
                issues.Add(new Issue(ProblemKind.SoftmaxOnSingleUnit, Site.LayerAttribute(i), network.Layers[i].Name, "use sigmoid for a binary output")
                {
                    Properties = new Dictionary<string, string> { [FixProperties.BinaryOutput] = "true" },
                    AdditionalSites = loss.Loss is LossKind.CategoricalCrossentropy or LossKind.SparseCategoricalCrossentropy ? new[] { LossSite(i, loss) } : System.Array.Empty<Site>(),
                });
            }
        }
    }

    /// <summary>Where an output's loss is written: its <c>[Output]</c>, or the network's attribute.</summary>
    private static Site LossSite(int index, OutputCompile output) =>
        output.LossDeclaredOnOutput ? Site.OutputArgument(index, "Loss") : Site.NetworkArgument("Loss");

    /// <summary>The position of layer <paramref name="layer"/> among the outputs, or -1 for a hidden layer.</summary>
    private static int OutputNumber(IReadOnlyList<int> outputs, int layer)
    {
        for (var i = 0; i < outputs.Count; i++)
        {
            if (outputs[i] == layer)
            {
                return i;
            }
        }

        return -1;
    }

    private static void CheckLoss(NetworkDefinition network, int index, ActivationKind activation, TensorType type, OutputCompile output, List<Issue> issues)
    {
        var loss = output.Loss;
        var metrics = output.Metrics;
        var categorical = loss is LossKind.CategoricalCrossentropy or LossKind.SparseCategoricalCrossentropy;
        var regression = loss is LossKind.MeanSquaredError or LossKind.MeanAbsoluteError;
        var classifierActivation = activation is ActivationKind.Sigmoid or ActivationKind.Softmax;
        var singleUnit = Units(type) is { IsKnown: true, Size: 1 };
        var lossSite = LossSite(index, output);
        var switchableLoss = new[] { lossSite };
        var metricsSite = output.MetricsDeclaredOnOutput ? Site.OutputArgument(index, "Metrics") : Site.NetworkArgument("Metrics");
        var name = output.Name;

        if (categorical && singleUnit)
        {
            issues.Add(new Issue(ProblemKind.CategoricalCrossentropyOnSingleUnit, lossSite, loss.ToString(), name));
        }
        else if (categorical && activation == ActivationKind.Sigmoid)
        {
            // Sparse labels are class indices, which binary cross-entropy cannot read: its code fix then offers only softmax.
            issues.Add(new Issue(ProblemKind.SigmoidWithCategoricalCrossentropy, Site.LayerAttribute(index), name, loss.ToString())
            {
                AdditionalSites = loss == LossKind.CategoricalCrossentropy ? switchableLoss : System.Array.Empty<Site>(),
            });
        }

        if (loss == LossKind.BinaryCrossentropy && activation == ActivationKind.Softmax && metrics.Contains(MetricKind.Accuracy) && Units(type).Size > 1)
        {
            issues.Add(new Issue(ProblemKind.SoftmaxWithBinaryCrossentropy, Site.LayerAttribute(index), name) { AdditionalSites = switchableLoss });
        }

        var classificationMetrics = metrics.Where(static m => m is MetricKind.Accuracy or MetricKind.RocAuc).Distinct().ToList();
        if (regression && !classifierActivation && classificationMetrics.Count > 0)
        {
            issues.Add(new Issue(ProblemKind.AccuracyOnRegression, metricsSite, network.Layers.Count > 0 && output.MetricsDeclaredOnOutput ? name : network.Name, loss.ToString(), string.Join(" and ", classificationMetrics)));
        }

        // Softmax is always a classifier's; sigmoid over several units is as often a regression into [0, 1]
        // (an autoencoder's reconstructed pixels) as a multi-label classifier, so only one sigmoid unit counts.
        if (regression && (activation == ActivationKind.Softmax || activation == ActivationKind.Sigmoid && singleUnit))
        {
            issues.Add(new Issue(ProblemKind.MeanSquaredErrorOnClassifier, lossSite, name, activation.ToString().ToLowerInvariant(), loss.ToString()));
        }
    }

    /// <summary>
    /// NG0215: a cross-entropy reads its output as probabilities (the runtime clamps them into (0, 1)),
    /// so an output whose last activation is linear, ReLU, tanh or LeakyReLU trains on clipped values.
    /// NetGen has no from-logits flag: an output declared with sigmoid or softmax is already trained from
    /// its logits. Silent when the activation is not known (a Lambda, a custom layer, a sub-network's linear output).
    /// </summary>
    private static void CheckProbabilityLoss(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int index, TensorType type, OutputCompile output, List<Issue> issues)
    {
        var loss = output.Loss;
        var binary = loss == LossKind.BinaryCrossentropy;
        var categorical = loss is LossKind.CategoricalCrossentropy or LossKind.SparseCategoricalCrossentropy;
        if (!binary && !categorical
            || ActivationSource(network, layers, index) is not { } source
            || layers[source].Config is not { } config
            || LayerRules.For(network.Layers[source].Kind).Activation(config) is not { Kind: ActivationKind.Linear or ActivationKind.ReLU or ActivationKind.Tanh or ActivationKind.LeakyReLU } activation)
        {
            return;
        }

        // A single unit with categorical cross-entropy is NG0202's error already.
        if (categorical && Units(type) is { IsKnown: true, Size: 1 })
        {
            return;
        }

        var fix = binary
            ? $"add Activation.Sigmoid to '{network.Layers[source].Name}' (NetGen then trains from its logits)"
            : $"add Activation.Softmax to '{network.Layers[source].Name}' (NetGen then trains from its logits)";
        issues.Add(new Issue(ProblemKind.ProbabilityLossOnScores, Site.LayerAttribute(source), output.Name, ActivationName(activation.Kind), loss.ToString(), fix));
    }

    /// <summary>An activation that produces no probabilities, as NG0215's message names it.</summary>
    private static string ActivationName(ActivationKind kind) => kind switch
    {
        ActivationKind.Linear => "no activation",
        ActivationKind.Tanh => "tanh",
        _ => kind.ToString(),
    };

    /// <summary>
    /// The layer whose declared activation an output's values have, looking through layers that are the
    /// identity at inference; null when that layer declares none (its activation is not known).
    /// </summary>
    public static int? ActivationSource(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int output)
    {
        var index = output;
        for (var guard = 0; guard < network.Layers.Count; guard++)
        {
            var rule = LayerRules.For(network.Layers[index].Kind);
            if (layers[index].Config is { } config && rule.Activation(config) is not null)
            {
                return index;
            }

            if (!rule.IsIdentityAtInference || layers[index].InputNames.Count != 1)
            {
                return null;
            }

            index = IndexOf(network, layers[index].InputNames[0]);
            if (index < 0)
            {
                return null;
            }
        }

        return null;
    }

    private static void CheckOptimizer(CompileModel compile, List<Issue> issues)
    {
        foreach (var setting in compile.Settings)
        {
            var site = setting.OnNetworkAttribute ? Site.NetworkArgument(setting.Name) : Site.OptimizerArgument(setting.Name);
            if (setting.Name == "LearningRate")
            {
                if (!(setting.Value > 0) || double.IsInfinity(setting.Value))
                {
                    issues.Add(new Issue(ProblemKind.InvalidLearningRate, site, Format.Number(setting.Value)));
                }
                else if (OptimizerHyperparameters.UsualLearningRateLimit(compile.Optimizer) is var limit && setting.Value > 10 * limit)
                {
                    issues.Add(new Issue(ProblemKind.LearningRateAboveUsualRange, site, Format.Number(setting.Value), compile.Optimizer.ToString(), Format.Number(limit)));
                }

                continue;
            }

            if (!OptimizerHyperparameters.Supports(compile.Optimizer, setting.Name))
            {
                issues.Add(new Issue(ProblemKind.UnsupportedOptimizerHyperparameter, site, compile.Optimizer.ToString(), setting.Name));
                continue;
            }

            if (OptimizerHyperparameters.Requirement(compile, setting) is { } requirement)
            {
                issues.Add(new Issue(ProblemKind.InvalidOptimizerHyperparameter, site, setting.Name, compile.Optimizer.ToString(), requirement, setting.Name == "Nesterov" ? (setting.Value != 0 ? "true" : "false") : Format.Number(setting.Value)));
            }
        }
    }

    public static int IndexOf(NetworkDefinition network, string name)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            if (network.Layers[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The axis an output's activation and loss see as its classes: the feature axis of the layout (a map's channels).
    /// A scalar (a loss term's value, which the compiler rejects as an <c>[Output]</c> but analysis still reads) has
    /// none: an unknown size, so no rule about units applies.
    /// </summary>
    public static Dimension Units(TensorType type) => type.Rank == 0 ? Dimension.Named("scalar") : type[Layout.FeatureAxis(type.Rank)];
}
