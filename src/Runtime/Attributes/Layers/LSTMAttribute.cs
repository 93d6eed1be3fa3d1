using System;

namespace NetGen;

/// <summary>
/// A long short-term memory layer (Keras's <c>LSTM</c>, TorchSharp's <c>LSTM</c>): a hidden and a
/// cell state, input, forget and output gates. The forget gate's bias starts at 1, as Keras's
/// <c>unit_forget_bias</c>. Declare the member as <c>NetGen.Layers.Recurrent</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class LSTMAttribute : RecurrentLayerAttribute
{
    /// <summary>Creates the layer with <paramref name="units"/> units.</summary>
    public LSTMAttribute(int units)
        : base(units)
    {
    }
}
