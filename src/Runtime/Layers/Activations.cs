using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// The activations generated <c>forward</c> methods apply after a layer's module. Each frees the
/// pre-activation tensor it is given as soon as the activated one exists (autograd keeps what
/// it needs), so a network run outside any dispose scope does not leave one tensor per layer to
/// the garbage collector. The argument must be a tensor nothing else uses.
/// </summary>
public static class Activations
{
    /// <summary><c>max(0, x)</c>, freeing <paramref name="x"/>.</summary>
    public static Tensor ReLU(Tensor x) => Consume(x, nn.functional.relu(x));

    /// <summary>The logistic sigmoid, freeing <paramref name="x"/>.</summary>
    public static Tensor Sigmoid(Tensor x) => Consume(x, nn.functional.sigmoid(x));

    /// <summary>The hyperbolic tangent, freeing <paramref name="x"/>.</summary>
    public static Tensor Tanh(Tensor x) => Consume(x, nn.functional.tanh(x));

    /// <summary>
    /// Softmax over <paramref name="axis"/> (the last by default; the channels, 1, of a
    /// (batch, channels, height, width) map), freeing <paramref name="x"/>.
    /// </summary>
    public static Tensor Softmax(Tensor x, long axis = -1) => Consume(x, nn.functional.softmax(x, axis));

    /// <summary><c>x</c> above zero, <c>alpha * x</c> below, freeing <paramref name="x"/>.</summary>
    public static Tensor LeakyReLU(Tensor x, double alpha)
    {
        // Tensor.leaky_relu(Scalar), not nn.functional.leaky_relu(x, double): that one converts alpha to a Scalar nothing holds.
        using var slope = alpha.ToScalar();
        return Consume(x, x.leaky_relu(slope));
    }

    private static Tensor Consume(Tensor input, Tensor output)
    {
        input.Dispose();
        return output;
    }
}
