using System.Collections.Generic;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// Layer hyperparameters that are valid but almost certainly not what was meant: a dropout rate that
/// drops nothing or nearly everything (NG0216), a batch-normalization momentum written in PyTorch's
/// convention (NG0221), and Dense layers stacked without an activation between them (NG0220).
/// </summary>
internal static class LayerSettingRules
{
    /// <summary>
    /// Below this, a batch normalization's Momentum reads as PyTorch's (the weight of the new batch,
    /// 0.1 by default) rather than Keras's (the weight kept by the moving statistics, 0.99 by default).
    /// </summary>
    private const double PyTorchMomentumLimit = 0.5;

    /// <summary>A dropout rate from which the declaration reads as a keep probability (TensorFlow 1's <c>keep_prob</c>).</summary>
    private const double KeepProbabilityLimit = 0.9;

    public static void Check(NetworkDefinition network, IReadOnlyList<LayerResult> layers, bool graphIsSound, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            switch (layers[i].Config)
            {
                case DropoutConfig { Rate: var rate }:
                    CheckDropout(network, i, rate, issues);
                    break;
                case BatchNormalizationConfig { Momentum: > 0 and < PyTorchMomentumLimit and var momentum }:
                    issues.Add(new Issue(
                        ProblemKind.PyTorchBatchNormalizationMomentum,
                        Site.LayerArgument(i, "Momentum"),
                        network.Layers[i].Name,
                        Format.Number(momentum),
                        Format.Number(System.Math.Round(1 - momentum, 12))));
                    break;
                case DenseConfig { Activation: ActivationKind.Linear } when graphIsSound:
                    CheckStackedDense(network, layers, i, issues);
                    break;
            }
        }
    }

    private static void CheckDropout(NetworkDefinition network, int index, double rate, List<Issue> issues)
    {
        // Rates outside [0, 1) are NG0207's error.
        if (rate == 0)
        {
            issues.Add(new Issue(ProblemKind.ImplausibleDropoutRate, Site.LayerArgument(index, "rate"), network.Layers[index].Name, "0", "the layer drops nothing and does nothing"));
        }
        else if (rate >= KeepProbabilityLimit && rate < 1)
        {
            var dropped = Format.Number(System.Math.Round(rate * 100, 6));
            var kept = Format.Number(System.Math.Round(1 - rate, 12));
            issues.Add(new Issue(
                ProblemKind.ImplausibleDropoutRate,
                Site.LayerArgument(index, "rate"),
                network.Layers[index].Name,
                Format.Number(rate),
                $"it drops {dropped}% of the values in training; the rate is the fraction dropped, not kept (a keep probability of {Format.Number(rate)} is a rate of {kept})"));
        }
    }

    /// <summary>
    /// A Dense without activation read directly by another one (through layers that are the identity at
    /// inference) adds no capacity: two linear maps compose into one. Reported at the lower layer, where
    /// the activation is missing; only when the upper layer has no activation either (a linear code read
    /// by a decoder with an activation is an ordinary bottleneck).
    /// </summary>
    private static void CheckStackedDense(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int upper, List<Issue> issues)
    {
        var index = upper;
        while (layers[index].InputNames.Count == 1)
        {
            var source = ConfigurationRules.IndexOf(network, layers[index].InputNames[0]);
            if (source < 0)
            {
                return;
            }

            if (layers[source].Config is DenseConfig { Activation: ActivationKind.Linear })
            {
                // Both shapes known: a cycle or a failed reference keeps this rule silent.
                if (source != upper && layers[source].Output.Type is not null && layers[upper].Output.Type is not null)
                {
                    issues.Add(new Issue(ProblemKind.StackedLinearDense, Site.LayerAttribute(source), network.Layers[upper].Name, network.Layers[source].Name));
                }

                return;
            }

            if (!LayerRules.For(network.Layers[source].Kind).IsIdentityAtInference)
            {
                return;
            }

            index = source;
        }
    }
}
