namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Activation</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum ActivationKind
{
    Linear = 0,
    ReLU,
    Sigmoid,
    Tanh,
    Softmax,
    LeakyReLU,
}
