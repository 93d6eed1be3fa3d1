namespace NetGen;

/// <summary>
/// How a layer's weights start. Keras's defaults are <see cref="GlorotUniform"/> kernels and
/// <see cref="Zeros"/> biases, and so are NetGen's; <see cref="TorchDefault"/> keeps what the
/// TorchSharp module does on its own (PyTorch's Kaiming-uniform kernels and uniform biases).
/// </summary>
public enum Initializer
{
    /// <summary>Uniform in <c>±sqrt(6 / (fanIn + fanOut))</c> (Keras's <c>glorot_uniform</c>).</summary>
    GlorotUniform = 0,
    /// <summary>Truncated normal with standard deviation <c>sqrt(2 / (fanIn + fanOut))</c> (Keras's <c>glorot_normal</c>).</summary>
    GlorotNormal,
    /// <summary>Uniform in <c>±sqrt(6 / fanIn)</c> (Keras's <c>he_uniform</c>), for ReLU layers.</summary>
    HeUniform,
    /// <summary>Truncated normal with standard deviation <c>sqrt(2 / fanIn)</c> (Keras's <c>he_normal</c>).</summary>
    HeNormal,
    /// <summary>All zeros.</summary>
    Zeros,
    /// <summary>All ones.</summary>
    Ones,
    /// <summary>The TorchSharp module's own initialization (PyTorch's defaults).</summary>
    TorchDefault,
}
