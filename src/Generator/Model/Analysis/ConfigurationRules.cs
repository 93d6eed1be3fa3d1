using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>
/// Rules on how layers, loss, metrics and optimizer fit together: the mistakes Keras accepts
/// silently and that cost a training run to find.
/// </summary>
internal static class ConfigurationRules
{
    public static void Check(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int output, List<Issue> issues)
    {
        CheckSoftmaxUnits(network, layers, issues);
        if (output < 0 || layers[output].OutputShape is not { } outputShape)
        {
            CheckOptimizer(network, issues);
            return;
        }

        var outputLayer = network.Layers[output];
        if (outputLayer.Kind == LayerKind.Dropout)
        {
            issues.Add(new Issue(ProblemKind.DropoutAfterOutput, Site.LayerAttribute(output), outputLayer.Name));
        }

        CheckLoss(network, OutputActivation(network, layers, output), outputLayer.Name, outputShape, issues);
        CheckOptimizer(network, issues);
    }

    private static void CheckSoftmaxUnits(NetworkDefinition network, IReadOnlyList<LayerResult> layers, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var layer = network.Layers[i];
            var appliesSoftmax = layer.Kind is LayerKind.Dense or LayerKind.Activation
                && layer.Hyperparameters.Activation == ActivationKind.Softmax;
            if (appliesSoftmax && layers[i].OutputShape is { } shape && shape.Last == 1)
            {
                issues.Add(new Issue(ProblemKind.SoftmaxOnSingleUnit, Site.LayerAttribute(i), layer.Name));
            }
        }
    }

    /// <summary>The activation that produces the output, looking through dropout (the identity at inference).</summary>
    private static ActivationKind OutputActivation(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int output)
    {
        var index = output;
        for (var guard = 0; guard < network.Layers.Count; guard++)
        {
            var layer = network.Layers[index];
            if (layer.Kind is LayerKind.Dense or LayerKind.Activation)
            {
                return layer.Hyperparameters.Activation;
            }

            if (layer.Kind != LayerKind.Dropout || layers[index].InputNames.Count != 1)
            {
                break;
            }

            var source = network.Layers.AsImmutableArray().IndexOf(network.Layers.FirstOrDefault(l => l.Name == layers[index].InputNames[0])!);
            if (source < 0)
            {
                break;
            }

            index = source;
        }

        return ActivationKind.Linear;
    }

    private static void CheckLoss(NetworkDefinition network, ActivationKind activation, string outputName, TensorShape outputShape, List<Issue> issues)
    {
        var loss = network.Compile.Loss;
        var metrics = network.Compile.Metrics;
        var categorical = loss is LossKind.CategoricalCrossentropy or LossKind.SparseCategoricalCrossentropy;
        var regression = loss is LossKind.MeanSquaredError or LossKind.MeanAbsoluteError;
        var classifierActivation = activation is ActivationKind.Sigmoid or ActivationKind.Softmax;
        var output = network.Layers.Count - 1;

        if (categorical && outputShape.Last == 1)
        {
            issues.Add(new Issue(ProblemKind.CategoricalCrossentropyOnSingleUnit, Site.NetworkArgument("Loss"), loss.ToString(), outputName));
        }
        else if (categorical && activation == ActivationKind.Sigmoid)
        {
            issues.Add(new Issue(ProblemKind.SigmoidWithCategoricalCrossentropy, Site.LayerAttribute(output), outputName, loss.ToString()));
        }

        if (loss == LossKind.BinaryCrossentropy && activation == ActivationKind.Softmax && metrics.Contains(MetricKind.Accuracy) && outputShape.Last > 1)
        {
            issues.Add(new Issue(ProblemKind.SoftmaxWithBinaryCrossentropy, Site.LayerAttribute(output), outputName));
        }

        if (regression && !classifierActivation && metrics.Contains(MetricKind.Accuracy))
        {
            issues.Add(new Issue(ProblemKind.AccuracyOnRegression, Site.NetworkArgument("Metrics"), network.Name, loss.ToString()));
        }

        if (regression && classifierActivation)
        {
            issues.Add(new Issue(ProblemKind.MeanSquaredErrorOnClassifier, Site.NetworkArgument("Loss"), outputName, activation.ToString().ToLowerInvariant(), loss.ToString()));
        }
    }

    private static void CheckOptimizer(NetworkDefinition network, List<Issue> issues)
    {
        var compile = network.Compile;
        if (compile.HasOptimizerAttribute && compile.NetworkOptimizer is { } declared && declared != compile.Optimizer)
        {
            issues.Add(new Issue(ProblemKind.ConflictingOptimizer, Site.OptimizerAttribute, network.Name, declared.ToString(), compile.Optimizer.ToString()));
        }

        foreach (var setting in compile.Settings)
        {
            var site = setting.OnNetworkAttribute ? Site.NetworkArgument(setting.Name) : Site.OptimizerArgument(setting.Name);
            if (setting.Name == "LearningRate")
            {
                if (!(setting.Value > 0) || double.IsInfinity(setting.Value))
                {
                    issues.Add(new Issue(ProblemKind.InvalidLearningRate, site, Format.Number(setting.Value)));
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
}
