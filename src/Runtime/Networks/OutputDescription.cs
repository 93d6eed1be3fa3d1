namespace NetGen;

/// <summary>One output of a network: a layer marked <c>[Output]</c>, or the last layer.</summary>
/// <param name="Name">The output layer's name: the key of its targets and the prefix of its logs.</param>
/// <param name="Shape">The shape of one sample, or null when it is known only at run time.</param>
/// <param name="Activation">
/// The activation <c>forward</c> applies last. When it is <see cref="NetGen.Activation.Sigmoid"/> or
/// <see cref="NetGen.Activation.Softmax"/>, the network can also return the values before it
/// (<see cref="INetwork.RunLogits"/>), and cross-entropy losses are computed from those.
/// </param>
public sealed record OutputDescription(string Name, Shape? Shape, Activation Activation);
