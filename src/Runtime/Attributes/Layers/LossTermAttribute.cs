using System;

namespace NetGen;

/// <summary>
/// Makes a method of the network a loss term, as Keras's <c>add_loss</c>: its parameters take the
/// outputs of the layers (or inputs) they are named after, as a <see cref="LambdaAttribute"/> method's
/// do, and the scalar it returns is added to the training loss in the default train step and reported
/// on its own, under <see cref="Name"/>, in progress and <c>History</c>. A network whose only losses are
/// terms (a variational autoencoder's KL divergence and reconstruction) trains without targets:
/// <c>Fit(x)</c>. The term is computed only in training and evaluation steps, not in <c>Predict</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class LossTermAttribute : LayerAttribute
{
    /// <summary>Creates a loss term reported as <paramref name="name"/>.</summary>
    public LossTermAttribute(string name) => Name = name;

    /// <summary>The name of the term in progress and <c>History</c>, such as <c>"kl_loss"</c>.</summary>
    public string Name { get; }
}
