using System;

namespace NetGen;

/// <summary>
/// Makes a method of the network a layer, as Keras's <c>Lambda</c>: <c>forward</c> calls it in graph
/// order. Each parameter takes the output of the layer (or the input) it is named after, so
/// <c>Tensor Sample(Tensor mean, Tensor logVariance)</c> reads the layers <c>Mean</c> and
/// <c>LogVariance</c> (the first letter's case is ignored); other layers read the method's result with
/// <c>From = nameof(Sample)</c>. The method returns a <c>Tensor</c>, takes only <c>Tensor</c> parameters
/// and has no weights. The result must be a new tensor (not one of the arguments): <c>forward</c>
/// disposes each argument after its last use.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class LambdaAttribute : LayerAttribute
{
    /// <summary>
    /// The shape of one output sample, batch axis excluded, when the method always returns it: layers
    /// after it are then checked. When not set, the shape is known only at run time.
    /// </summary>
    public int[]? OutputShape { get; set; }
}
