using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Decoding;

/// <summary>
/// Scores next tokens with a seq2seq network trained with teacher forcing: two int64 inputs, the
/// source tokens and the decoder's input tokens (the start token, then the target shifted right),
/// and an output of (steps, vocabulary) probabilities, one distribution per decoder step.
/// </summary>
/// <remarks>
/// <para>Each call runs the network on the sources and the prefixes, in eval mode without gradients
/// under the network's lock (as <c>Predict</c> does), and keeps the last prefix step's
/// distribution. A softmax output is read before its softmax (<see cref="INetwork.RunLogits"/>)
/// and turned into log-probabilities with <c>log_softmax</c>, which stays finite where the
/// logarithm of a rounded probability would be minus infinity; a linear output is taken as logits.</para>
/// <para>A decoder input of fixed length is filled after the prefix with <see cref="PaddingToken"/>:
/// a causal decoder's step t does not see later steps, so the padding changes nothing. Running the
/// whole prefix at every step costs O(T²) for T output tokens, fine for short outputs; a decoder
/// that looks ahead (a bidirectional one) is not causal and cannot be decoded this way.</para>
/// </remarks>
public sealed class NetworkScorer : INextTokenScorer
{
    private readonly INetwork _network;
    private readonly int _sourceIndex;
    private readonly int _prefixIndex;
    private readonly int _outputIndex;
    private readonly int? _prefixLength;
    private readonly ThreadPolicy? _threads;

    /// <summary>A scorer over <paramref name="network"/>.</summary>
    /// <param name="network">A network with two int64 inputs (source, decoder input) whose output is (steps, vocabulary) probabilities or logits.</param>
    /// <param name="sourceInput">The name of the source input; the first input when null.</param>
    /// <param name="prefixInput">The name of the decoder's input; the other input when null.</param>
    /// <param name="output">The name of the output with the next-token distributions; needed only when the network has several outputs.</param>
    /// <param name="paddingToken">Fills a fixed-length decoder input after the prefix.</param>
    /// <param name="threads">libtorch's thread count during each call; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <exception cref="ArgumentException">The network does not have that shape of inputs and output.</exception>
    public NetworkScorer(INetwork network, string? sourceInput = null, string? prefixInput = null, string? output = null, long paddingToken = 0, ThreadPolicy? threads = null)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentOutOfRangeException.ThrowIfNegative(paddingToken);
        var description = network.Description;
        if (description.Inputs.Count != 2)
        {
            throw new ArgumentException(
                $"{description.Name} has {description.Inputs.Count} input(s); a seq2seq scorer needs two: the source tokens and the decoder's input tokens.", nameof(network));
        }

        _sourceIndex = sourceInput is null ? (prefixInput is null ? 0 : 1 - InputIndex(description, prefixInput, nameof(prefixInput))) : InputIndex(description, sourceInput, nameof(sourceInput));
        _prefixIndex = prefixInput is null ? 1 - _sourceIndex : InputIndex(description, prefixInput, nameof(prefixInput));
        if (_sourceIndex == _prefixIndex)
        {
            throw new ArgumentException($"sourceInput and prefixInput both name {description.Inputs[_sourceIndex].Name}; they must be the network's two different inputs.", nameof(prefixInput));
        }

        foreach (var input in description.Inputs)
        {
            if (input.ElementType != ElementType.Int64)
            {
                throw new ArgumentException(
                    $"{description.Name}'s input {input.Name} takes {input.ElementType} values; a seq2seq scorer feeds token ids, so both inputs must be declared with ElementType = ElementType.Int64.", nameof(network));
            }
        }

        var prefixShape = description.Inputs[_prefixIndex].Shape;
        if (prefixShape.Rank != 1)
        {
            throw new ArgumentException(
                $"{description.Name}'s decoder input {description.Inputs[_prefixIndex].Name} is shaped {prefixShape}; it must be a sequence of token ids, (steps).", nameof(network));
        }

        _prefixLength = prefixShape[0].Size;
        _outputIndex = OutputIndex(description, output);
        var declared = description.Outputs[_outputIndex];
        if (declared.Shape is { Rank: not 2 } outputShape)
        {
            throw new ArgumentException(
                $"{description.Name}'s output {declared.Name} is shaped {outputShape}; a seq2seq scorer needs (steps, vocabulary): one distribution per decoder step.", nameof(network));
        }

        if (declared.Activation is not (Activation.Softmax or Activation.Linear))
        {
            throw new ArgumentException(
                $"{description.Name}'s output {declared.Name} ends in {declared.Activation}; a seq2seq scorer needs a softmax over the vocabulary (or logits, with no activation).", nameof(network));
        }

        _network = network;
        _threads = threads;
        PaddingToken = paddingToken;
    }

    /// <summary>Fills a fixed-length decoder input after the prefix.</summary>
    public long PaddingToken { get; }

    /// <summary>The longest prefix the decoder input takes (its declared length), or null when its length is a named dimension.</summary>
    public int? MaxPrefixLength => _prefixLength;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">A prefix is longer than a fixed-length decoder input, or the sources do not fit the network.</exception>
    public Tensor ScoreNext(Tensor sources, Tensor prefixes)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(prefixes);
        if (prefixes.dim() != 2 || prefixes.size(0) != sources.size(0) || prefixes.size(1) == 0)
        {
            throw new ArgumentException($"prefixes must be (rows, t) with t >= 1 and one row per source ({sources.size(0)}); got {Shape.Format(prefixes.shape)}.", nameof(prefixes));
        }

        var steps = prefixes.size(1);
        if (_prefixLength is { } length && steps > length)
        {
            throw new ArgumentException(
                $"{_network.Description.Name}'s decoder input {_network.Description.Inputs[_prefixIndex].Name} takes {length} steps, so it cannot score a prefix of {steps} tokens: decode with a maxLength of at most {length}.", nameof(prefixes));
        }

        using var scope = NewDisposeScope();
        var decoderInput = _prefixLength is { } fixedLength && steps < fixedLength
            ? nn.functional.pad(prefixes, [0, fixedLength - steps], value: PaddingToken)
            : prefixes;
        var inputs = new Tensor[2];
        inputs[_sourceIndex] = sources;
        inputs[_prefixIndex] = decoderInput;
        // As Predict does on every call: the network may have moved to another device since.
        var placement = new Placement(_network);
        placement.CheckInputs(inputs, nameof(sources));
        for (var i = 0; i < inputs.Length; i++)
        {
            inputs[i] = placement.Input(inputs[i], i);
        }

        Tensor? result = null;
        using var threadScope = (_threads ?? ThreadPolicy.Default).Apply(sources.size(0) * _network.Description.TrainableParameterCount);
        NetworkEvaluation.InInferenceMode(_network, () =>
        {
            // A softmax output before its softmax; any other output is already what RunLogits returns.
            var outputs = _network.RunLogits(inputs);
            result = nn.functional.log_softmax(outputs[_outputIndex].select(1, steps - 1), -1);
        });

        return result!.MoveToOuterDisposeScope();
    }

    private static int InputIndex(NetworkDescription description, string name, string parameter)
    {
        for (var i = 0; i < description.Inputs.Count; i++)
        {
            if (description.Inputs[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"{description.Name} has no input named {name}; its inputs are {string.Join(" and ", description.Inputs.Select(static input => input.Name))}.", parameter);
    }

    private static int OutputIndex(NetworkDescription description, string? name)
    {
        if (name is null)
        {
            return description.Outputs.Count == 1
                ? 0
                : throw new ArgumentException(
                    $"{description.Name} has {description.Outputs.Count} outputs ({string.Join(", ", description.Outputs.Select(static o => o.Name))}); name the one with the next-token distributions.", "output");
        }

        for (var i = 0; i < description.Outputs.Count; i++)
        {
            if (description.Outputs[i].Name == name)
            {
                return i;
            }
        }

        throw new ArgumentException(
            $"{description.Name} has no output named {name}; its outputs are {string.Join(", ", description.Outputs.Select(static o => o.Name))}.", "output");
    }
}
