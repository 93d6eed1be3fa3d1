using System;
using System.Linq;
using NetGen.Layers;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.LayersSpecs;

/// <summary>
/// <see cref="Recurrent"/> against TorchSharp's own cells: the same outputs given the same weights,
/// Keras's initial weights, padding skipped as Keras's masks skip it, merges, states and dropout.
/// </summary>
public sealed class RecurrentTests
{
    public static TheoryData<RecurrentKind, bool> KindsAndDirections()
    {
        var data = new TheoryData<RecurrentKind, bool>();
        foreach (var kind in Enum.GetValues<RecurrentKind>())
        {
            data.Add(kind, false);
            data.Add(kind, true);
        }

        return data;
    }

    private static Recurrent Create(RecurrentKind kind, bool bidirectional = false, bool returnSequences = false, MergeMode mergeMode = MergeMode.Concat, long units = 5, double recurrentDropout = 0, long seed = 1)
    {
        var layer = new Recurrent(kind, 3, units, returnSequences, bidirectional, mergeMode, recurrentDropout: recurrentDropout);
        using var generator = Initializers.Generator(seed);
        layer.InitializeKeras(generator);
        layer.eval();
        return layer;
    }

    /// <summary>TorchSharp's fused module of the same kind, with the layer's weights: (sequence, h_n, c_n or null).</summary>
    private static (Tensor Sequence, Tensor H, Tensor? C) Reference(Recurrent layer, Tensor x, Tensor? h0 = null, Tensor? c0 = null)
    {
        var bidirectional = layer.Bidirectional;
        nn.Module module = layer.Kind switch
        {
            RecurrentKind.LSTM => nn.LSTM(3, layer.Units, batchFirst: true, bidirectional: bidirectional),
            RecurrentKind.GRU => nn.GRU(3, layer.Units, batchFirst: true, bidirectional: bidirectional),
            _ => nn.RNN(3, layer.Units, batchFirst: true, bidirectional: bidirectional),
        };
        module.load_state_dict(layer.Module.state_dict());
        using var noGrad = no_grad();
        switch (module)
        {
            case TorchSharp.Modules.LSTM lstm:
                var (s, h, c) = lstm.call(x, h0 is null ? null : (h0, c0!));
                return (s, h, c);
            case TorchSharp.Modules.GRU gru:
                var (gs, gh) = gru.call(x, h0);
                return (gs, gh, null);
            default:
                var (rs, rh) = ((TorchSharp.Modules.RNN)module).call(x, h0);
                return (rs, rh, null);
        }
    }

    private static void Close(Tensor expected, Tensor actual, double tolerance = 1e-5) =>
        Assert.True(expected.allclose(actual, rtol: tolerance, atol: tolerance), $"max difference {(expected - actual).abs().max().item<float>()}");

    [Fact]
    public void ItsWeightsAppearOnceUnderRnnInTheStateDictOfTheNetworkThatHoldsIt()
    {
        // Registering a module in a parent makes TorchSharp register the module's own fields by
        // name too: the kernel must not come back a second time under its field's name.
        using var parent = new Holder(Create(RecurrentKind.LSTM, bidirectional: true));

        Assert.Equal(
            ["Memory.rnn.weight_ih_l0", "Memory.rnn.weight_hh_l0", "Memory.rnn.bias_ih_l0", "Memory.rnn.bias_hh_l0",
             "Memory.rnn.weight_ih_l0_reverse", "Memory.rnn.weight_hh_l0_reverse", "Memory.rnn.bias_ih_l0_reverse", "Memory.rnn.bias_hh_l0_reverse"],
            parent.state_dict().Keys);
    }

    private sealed class Holder : nn.Module
    {
        public Holder(Recurrent layer)
            : base(nameof(Holder)) => register_module("Memory", layer);
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void OutputsAreTorchSharpsCellsGivenTheSameWeights(RecurrentKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        var sequences = Create(kind, bidirectional, returnSequences: true);
        var last = Create(kind, bidirectional);
        var x = randn(4, 6, 3);

        var (sequence, h, _) = Reference(sequences, x);

        Close(sequence, sequences.call(x));
        // The last output: the forward direction's last step, the backward direction's first, side by side.
        Close(bidirectional ? cat([h[0], h[1]], 1) : h[0], last.call(x));
        if (bidirectional)
        {
            Close(cat([sequence[.., -1, ..5], sequence[.., 0, 5..]], 1), last.call(x));
        }
    }

    [Theory]
    [InlineData(MergeMode.Sum)]
    [InlineData(MergeMode.Multiply)]
    [InlineData(MergeMode.Average)]
    public void BidirectionalOutputsMergeAsKerasMergesThem(MergeMode mode)
    {
        using var scope = NewDisposeScope();
        var x = randn(2, 5, 3);
        var concatenated = Create(RecurrentKind.GRU, bidirectional: true, returnSequences: true).call(x);
        var forward = concatenated[.., .., ..5];
        var backward = concatenated[.., .., 5..];
        var expected = mode switch
        {
            MergeMode.Sum => forward + backward,
            MergeMode.Multiply => forward * backward,
            _ => (forward + backward) / 2,
        };

        var merged = Create(RecurrentKind.GRU, bidirectional: true, returnSequences: true, mergeMode: mode);
        var mergedLast = Create(RecurrentKind.GRU, bidirectional: true, mergeMode: mode);

        Assert.Equal(5, merged.OutputSize);
        Close(expected, merged.call(x));
        var lastExpected = mode switch
        {
            MergeMode.Sum => forward[.., -1] + backward[.., 0],
            MergeMode.Multiply => forward[.., -1] * backward[.., 0],
            _ => (forward[.., -1] + backward[.., 0]) / 2,
        };
        Close(lastExpected, mergedLast.call(x));
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void PaddedStepsAreSkippedBeforeAfterAndBetweenRealSteps(RecurrentKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        var last = Create(kind, bidirectional);
        var sequences = Create(kind, bidirectional, returnSequences: true);
        var lengths = new[] { 4, 2, 6, 1 };
        var real = lengths.Select(length => randn(1, length, 3)).ToArray();

        // Keras's pad_sequences pads at the front by default; post-padding and a gap inside too.
        // With 8 steps every sequence is padded, so the last output's kernel stops at step 6.
        foreach (var (layout, steps) in new[] { "pre", "post", "gap" }.SelectMany(static layout => new[] { (layout, 6), (layout, 8) }))
        {
            var padded = zeros(lengths.Length, steps, 3);
            var tokens = zeros(lengths.Length, steps, dtype: ScalarType.Int64);
            var positions = lengths.Select(length => layout switch
            {
                "pre" => Enumerable.Range(steps - length, length).ToArray(),
                "post" => Enumerable.Range(0, length).ToArray(),
                _ => Enumerable.Range(0, length).Select(i => i < length / 2 ? i : i + (steps - length)).ToArray(),
            }).ToArray();
            for (var row = 0; row < lengths.Length; row++)
            {
                for (var i = 0; i < lengths[row]; i++)
                {
                    padded[row, positions[row][i]] = real[row][0, i];
                    tokens[row, positions[row][i]] = 7;
                }
            }

            var lastOutputs = last.Run(padded, tokens);

            // Asking for the final state takes the packed path, which must agree.
            Close(lastOutputs, last.Run(padded, tokens, null, out _));
            var sequenceOutputs = sequences.Run(padded, tokens);
            for (var row = 0; row < lengths.Length; row++)
            {
                Close(last.call(real[row]), lastOutputs[row].unsqueeze(0));
                var unpadded = sequences.call(real[row]);
                for (var i = 0; i < lengths[row]; i++)
                {
                    Close(unpadded[0, i], sequenceOutputs[row, positions[row][i]]);
                }

                var padding = Enumerable.Range(0, steps).Except(positions[row]).ToArray();
                foreach (var step in padding)
                {
                    Assert.Equal(0f, sequenceOutputs[row, step].abs().sum().item<float>());
                }
            }
        }
    }

    [Fact]
    public void ASequenceOfPaddingKeepsItsInitialState()
    {
        using var scope = NewDisposeScope();
        var layer = Create(RecurrentKind.LSTM);
        var x = randn(2, 3, 3);
        var tokens = tensor(new long[] { 0, 0, 0, 1, 2, 3 }, 2, 3);

        var output = layer.Run(x, tokens, null, out var state);

        Assert.Equal(0f, output[0].abs().sum().item<float>());
        Assert.Equal(0f, state[.., 0].abs().sum().item<float>());
        Close(layer.call(x[1..]), output[1..]);
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void FinalStatesAreTheDirectionsSideBySideAndStartTheNextLayer(RecurrentKind kind, bool bidirectional)
    {
        using var scope = NewDisposeScope();
        var encoder = Create(kind, bidirectional);
        var decoder = Create(kind, returnSequences: true, units: encoder.StateSize, seed: 2);
        var x = randn(3, 4, 3);
        var y = randn(3, 2, 3);

        encoder.Run(x, null, null, out var state);
        var (_, h, c) = Reference(encoder, x);

        var count = kind == RecurrentKind.LSTM ? 2 : 1;
        Assert.Equal(new[] { count, 3, encoder.StateSize }, state.shape);
        Close(bidirectional ? cat([h[0], h[1]], 1) : h[0], state[0]);
        if (c is not null)
        {
            Close(bidirectional ? cat([c[0], c[1]], 1) : c[0], state[1]);
        }

        var (expected, _, _) = Reference(decoder, y, state[0].unsqueeze(0), c is null ? null : state[1].unsqueeze(0));
        Close(expected, decoder.Run(y, initialState: state));
    }

    [Fact]
    public void AStateOfTheWrongShapeIsRefusedWithTheShapeItNeeds()
    {
        using var layer = Create(RecurrentKind.LSTM, units: 4);

        var error = Assert.Throws<ArgumentException>(() => layer.Run(randn(2, 3, 3), null, randn(1, 2, 4)));

        Assert.Contains("(2, batch, 4)", error.Message);
        Assert.Equal("initialState", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void KerasInitializers(RecurrentKind kind, bool bidirectional)
    {
        using var layer = new Recurrent(kind, 40, 30, bidirectional: bidirectional);
        using var generator = Initializers.Generator(3);
        layer.InitializeKeras(generator);
        var gates = kind switch { RecurrentKind.LSTM => 4, RecurrentKind.GRU => 3, _ => 1 };
        var parameters = layer.Module.named_parameters().ToDictionary(static p => p.name, static p => p.parameter);

        Assert.Equal(bidirectional ? 8 : 4, parameters.Count);
        foreach (var (name, parameter) in parameters)
        {
            if (name.StartsWith("weight_ih", StringComparison.Ordinal))
            {
                // Glorot uniform over Keras's (features, gates * units) kernel.
                var limit = Math.Sqrt(6.0 / (40 + (gates * 30)));
                Assert.True(parameter.abs().max().item<float>() <= limit);
                Assert.InRange(parameter.std().item<float>(), limit / Math.Sqrt(3) * 0.9, limit / Math.Sqrt(3) * 1.1);
            }
            else if (name.StartsWith("weight_hh", StringComparison.Ordinal))
            {
                // Orthogonal: Keras's (units, gates * units) kernel has orthonormal rows, so PyTorch's transpose has orthonormal columns.
                Assert.True(parameter.t().matmul(parameter).allclose(eye(30), atol: 1e-5));
            }
            else if (kind == RecurrentKind.LSTM && name.StartsWith("bias_ih", StringComparison.Ordinal))
            {
                // Keras's unit_forget_bias: the forget gate (PyTorch's second block) starts at 1.
                Assert.Equal(30f, parameter[30..60].sum().item<float>());
                Assert.Equal(0f, parameter.abs().sum().item<float>() - 30f);
            }
            else
            {
                Assert.Equal(0f, parameter.abs().sum().item<float>());
            }
        }
    }

    [Fact]
    public void KerasEmbeddingInitializerKeepsThePaddingRowZero()
    {
        using var embedding = nn.Embedding(500, 20, padding_idx: 0);
        using var generator = Initializers.Generator(4);

        Initializers.Embedding(embedding.weight, maskZero: true, generator);

        Assert.Equal(0f, embedding.weight![0].abs().sum().item<float>());
        Assert.True(embedding.weight.abs().max().item<float>() <= 0.05f);
        Assert.InRange(embedding.weight[1..].std().item<float>(), 0.05 / Math.Sqrt(3) * 0.95, 0.05 / Math.Sqrt(3) * 1.05);
    }

    [Theory]
    [MemberData(nameof(KindsAndDirections))]
    public void TheStepLoopOfRecurrentDropoutComputesWhatTheFusedKernelDoes(RecurrentKind kind, bool bidirectional)
    {
        // A rate so small that every unit is kept: training runs the step loop, evaluation the kernel.
        using var scope = NewDisposeScope();
        var layer = Create(kind, bidirectional, returnSequences: true, recurrentDropout: 1e-12);
        var x = randn(3, 5, 3);
        var tokens = tensor(new long[] { 0, 0, 1, 2, 3, 1, 2, 3, 4, 5, 1, 0, 2, 0, 0 }, 3, 5);

        var fused = layer.Run(x, tokens);
        layer.train();
        var stepped = layer.Run(x, tokens);

        Close(fused, stepped);
    }

    [Fact]
    public void RecurrentDropoutDropsInTrainingOnly()
    {
        using var scope = NewDisposeScope();
        var layer = Create(RecurrentKind.LSTM, recurrentDropout: 0.5);
        var x = randn(8, 5, 3);

        var evaluated = layer.call(x);
        layer.train();
        var trained = layer.call(x);
        layer.eval();

        Assert.False(evaluated.allclose(trained));
        Close(evaluated, layer.call(x));
        Close(evaluated, Reference(layer, x).H[0]);
    }

    [Fact]
    public void InputDropoutUsesOneMaskForEveryStep()
    {
        using var scope = NewDisposeScope();
        var layer = new Recurrent(RecurrentKind.SimpleRNN, 3, 2, returnSequences: true, dropout: 0.5);
        var parameters = layer.Module.named_parameters().ToDictionary(static p => p.name, static p => p.parameter);
        using (no_grad())
        {
            // A cell that outputs its input's first feature: h_t = tanh(x_t[0]).
            parameters["weight_ih_l0"].zero_();
            parameters["weight_ih_l0"][0, 0] = 1;
            parameters["weight_hh_l0"].zero_();
            parameters["bias_ih_l0"].zero_();
            parameters["bias_hh_l0"].zero_();
        }

        layer.train();
        var output = layer.call(ones(64, 4, 3));

        // Each sequence keeps or drops the feature at all of its steps.
        var first = output[.., 0, 0];
        Assert.True(output[.., .., 0].eq(first.unsqueeze(1)).all().item<bool>(), string.Join(", ", output[..4, .., 0].data<float>().ToArray()));
        Assert.True(first.eq(0).any().item<bool>() && first.ne(0).any().item<bool>());
    }
}
