using System.Collections.Generic;
using NetGen.Model.Layers;

namespace NetGen.Model.Analysis;

/// <summary>
/// Activations in the wrong place: sigmoid or softmax applied to values that already went through
/// one (NG0218), and a normalization after an output's sigmoid or softmax, which turns its
/// probabilities back into unbounded values (NG0219).
/// </summary>
internal static class ActivationOrderRules
{
    public static void Check(NetworkDefinition network, IReadOnlyList<LayerResult> layers, IReadOnlyList<int> outputs, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            // Only an Activation layer (whose module is the function) applies its function to what it reads;
            // a Dense or Conv2D applies it to its own weighted sum.
            if (Probability(network, layers, i) is { IsModule: true } activation
                && layers[i].InputNames.Count == 1
                && ProbabilitySource(network, layers, ConfigurationRules.IndexOf(network, layers[i].InputNames[0])) is { } earlier)
            {
                issues.Add(new Issue(
                    ProblemKind.ActivationAppliedTwice,
                    Site.LayerAttribute(i),
                    network.Layers[i].Name,
                    Name(activation.Kind),
                    network.Layers[earlier.Index].Name,
                    Name(earlier.Activation.Kind)));
            }
        }

        foreach (var output in outputs)
        {
            CheckNormalizationAfterActivation(network, layers, output, issues);
        }
    }

    /// <summary>
    /// Walks back from an output through normalizations and layers that keep the values as they are;
    /// reports the normalization nearest the sigmoid or softmax it follows.
    /// </summary>
    private static void CheckNormalizationAfterActivation(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int output, List<Issue> issues)
    {
        var index = output;
        var normalization = -1;
        for (var guard = 0; guard < network.Layers.Count && index >= 0; guard++)
        {
            var layer = network.Layers[index];
            if (layers[index].Config is not { } config)
            {
                return;
            }

            if (LayerRules.For(layer.Kind).Activation(config) is { } activation)
            {
                if (normalization >= 0 && activation.Kind is ActivationKind.Sigmoid or ActivationKind.Softmax)
                {
                    var kind = network.Layers[normalization].Kind;
                    issues.Add(new Issue(
                        ProblemKind.LayerAfterOutputActivation,
                        Site.LayerAttribute(normalization),
                        kind.ToString(),
                        network.Layers[normalization].Name,
                        Name(activation.Kind),
                        layer.Name));
                }

                return;
            }

            if (layer.Kind is LayerKind.BatchNormalization or LayerKind.LayerNormalization)
            {
                normalization = index;
            }
            else if (!LayerRules.For(layer.Kind).IsIdentityAtInference)
            {
                return;
            }

            if (layers[index].InputNames.Count != 1)
            {
                return;
            }

            index = ConfigurationRules.IndexOf(network, layers[index].InputNames[0]);
        }
    }

    /// <summary>The sigmoid or softmax a layer applies, if any.</summary>
    private static ActivationUse? Probability(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int index) =>
        index >= 0
        && layers[index].Config is { } config
        && LayerRules.For(network.Layers[index].Kind).Activation(config) is { Kind: ActivationKind.Sigmoid or ActivationKind.Softmax } activation
            ? activation
            : null;

    /// <summary>The layer whose sigmoid or softmax the values of <paramref name="index"/> are, looking through dropout.</summary>
    private static (int Index, ActivationUse Activation)? ProbabilitySource(NetworkDefinition network, IReadOnlyList<LayerResult> layers, int index)
    {
        for (var guard = 0; guard < network.Layers.Count && index >= 0; guard++)
        {
            if (Probability(network, layers, index) is { } activation)
            {
                return (index, activation);
            }

            if (!LayerRules.For(network.Layers[index].Kind).IsIdentityAtInference || layers[index].InputNames.Count != 1)
            {
                return null;
            }

            index = ConfigurationRules.IndexOf(network, layers[index].InputNames[0]);
        }

        return null;
    }

    private static string Name(ActivationKind kind) => kind.ToString().ToLowerInvariant();
}
