using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// The network's outputs in a training or evaluation step. When the step ran the network for
/// logits (an output ending in sigmoid or softmax whose loss has a fused form), the probabilities
/// of those outputs are computed only if something asks for them.
/// </summary>
public sealed class StepOutputs
{
    private readonly Tensor[] _raw;
    private readonly Activation[] _pending;
    private readonly Tensor?[] _predictions;

    internal StepOutputs(Tensor[] raw, Activation[] pending, IReadOnlyList<(string Name, Tensor Value)>? lossTerms = null)
    {
        _raw = raw;
        _pending = pending;
        _predictions = new Tensor?[raw.Length];
        LossTerms = lossTerms ?? [];
    }

    /// <summary>The loss terms <c>forward</c> added (methods marked <c>[LossTerm]</c>), by name, in the order it computed them.</summary>
    public IReadOnlyList<(string Name, Tensor Value)> LossTerms { get; }

    /// <summary>Number of outputs.</summary>
    public int Count => _raw.Length;

    /// <summary>Output <paramref name="index"/> as <c>forward</c> returns it (probabilities after a sigmoid or softmax).</summary>
    public Tensor this[int index] => Prediction(index);

    /// <summary>Output <paramref name="index"/> as <c>forward</c> returns it (probabilities after a sigmoid or softmax).</summary>
    public Tensor Prediction(int index) => _predictions[index] ??= _pending[index] switch
    {
        Activation.Sigmoid => nn.functional.sigmoid(_raw[index]),
        Activation.Softmax => nn.functional.softmax(_raw[index], -1),
        _ => _raw[index],
    };

    /// <summary>Output <paramref name="index"/> before its final sigmoid or softmax, when the step ran for logits; else null.</summary>
    public Tensor? Logits(int index) => _pending[index] is Activation.Sigmoid or Activation.Softmax ? _raw[index] : null;

    /// <summary>Every output as <c>forward</c> returns it.</summary>
    public IReadOnlyList<Tensor> Predictions()
    {
        var all = new Tensor[Count];
        for (var i = 0; i < Count; i++)
        {
            all[i] = Prediction(i);
        }

        return all;
    }
}
