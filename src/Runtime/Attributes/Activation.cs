namespace NetGen;

/// <summary>Activation functions a layer applies to its output.</summary>
public enum Activation
{
    /// <summary>No activation: the identity.</summary>
    Linear = 0,
    /// <summary><c>max(0, x)</c>.</summary>
    ReLU,
    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Softmax over the last axis.</summary>
    Softmax,
    /// <summary><c>x</c> for positive inputs, <c>alpha * x</c> otherwise.</summary>
    LeakyReLU,
}
