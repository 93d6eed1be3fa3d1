using System;
using System.Collections.Generic;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// A SimpleRNN, LSTM or GRU layer over batch-first (batch, steps, features) sequences, with Keras's
/// semantics around TorchSharp's fused <c>RNN</c>/<c>LSTM</c>/<c>GRU</c> module (registered as <c>rnn</c>,
/// so its weights are <c>rnn.weight_ih_l0</c>, <c>rnn.weight_hh_l0</c>, <c>rnn.bias_ih_l0</c>,
/// <c>rnn.bias_hh_l0</c>, and <c>..._reverse</c> for the backward direction):
/// <list type="bullet">
/// <item>the last output (batch, units) unless <see cref="ReturnSequences"/>; bidirectional layers
/// merge the forward and backward outputs (<see cref="MergeMode"/>), the last output being the
/// forward's last step and the backward's first, as Keras's <c>Bidirectional</c>;</item>
/// <item>padding: given the token ids a masking embedding read, steps whose id is 0 are skipped
/// (anywhere: before, after or between the real steps): the last output is the last real step's,
/// and the sequence holds zeros at padded steps (what Keras writes inside <c>Bidirectional</c>;
/// a plain Keras layer repeats the previous output there);</item>
/// <item>initial and final states for encoder-decoder models, as one tensor (see <see cref="Run(Tensor, Tensor?, Tensor?, out Tensor)"/>);</item>
/// <item><see cref="Dropout"/> on the inputs and <see cref="RecurrentDropout"/> on the state, each one mask
/// per sequence shared by every step; recurrent dropout trains through a step loop (several times
/// slower than the fused kernel), inference always runs the fused kernel.</item>
/// </list>
/// <c>Run</c> fires the module's hooks as <c>call</c> does (a forward pre-hook sees and may replace
/// the input sequence, a forward hook the output; the tokens and states pass unchanged).
/// </summary>
public sealed class Recurrent : MaskedLayer
{
    // Registering this layer in a parent makes TorchSharp register its fields by name as well
    // (RegisterComponents); without the attribute the kernel would appear a second time, as
    // "_rnn", in every state_dict and saved file.
    [TorchSharp.Utils.ComponentName(Name = "rnn")]
    private readonly nn.Module _rnn;

    /// <summary>Creates the layer; <see cref="InitializeKeras"/> gives it Keras's initial weights.</summary>
    /// <param name="kind">The cell.</param>
    /// <param name="inputSize">Features per step.</param>
    /// <param name="units">Size of the state and of each output (per direction).</param>
    /// <param name="returnSequences">Whether every step's output is returned, rather than the last one.</param>
    /// <param name="bidirectional">Whether a backward layer runs too and the outputs are merged.</param>
    /// <param name="mergeMode">How the directions' outputs are merged.</param>
    /// <param name="dropout">Fraction of input features dropped in training, in [0, 1).</param>
    /// <param name="recurrentDropout">Fraction of state units dropped in training, in [0, 1).</param>
    /// <param name="useBias">Whether the cell has biases.</param>
    /// <param name="activation">The SimpleRNN's activation: Tanh or ReLU (other kinds take Tanh).</param>
    /// <param name="device">Where the weights live.</param>
    /// <param name="dtype">Their element type.</param>
    public Recurrent(
        RecurrentKind kind,
        long inputSize,
        long units,
        bool returnSequences = false,
        bool bidirectional = false,
        MergeMode mergeMode = MergeMode.Concat,
        double dropout = 0,
        double recurrentDropout = 0,
        bool useBias = true,
        Activation activation = Activation.Tanh,
        Device? device = null,
        ScalarType? dtype = null)
        : base(nameof(Recurrent))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputSize, 1, nameof(inputSize));
        ArgumentOutOfRangeException.ThrowIfLessThan(units, 1, nameof(units));
        if (!(dropout >= 0 && dropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "A dropout rate is in [0, 1).");
        }

        if (!(recurrentDropout >= 0 && recurrentDropout < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(recurrentDropout), recurrentDropout, "A recurrent dropout rate is in [0, 1).");
        }

        if (kind == RecurrentKind.SimpleRNN ? activation is not (Activation.Tanh or Activation.ReLU) : activation != Activation.Tanh)
        {
            throw new ArgumentException($"A {kind} layer's activation is {(kind == RecurrentKind.SimpleRNN ? "Tanh or ReLU" : "Tanh")}; got {activation}.", nameof(activation));
        }

        if (!Enum.IsDefined(mergeMode))
        {
            throw new ArgumentOutOfRangeException(nameof(mergeMode), mergeMode, "Unknown merge mode.");
        }

        Kind = kind;
        InputSize = inputSize;
        Units = units;
        ReturnSequences = returnSequences;
        Bidirectional = bidirectional;
        MergeMode = mergeMode;
        Dropout = dropout;
        RecurrentDropout = recurrentDropout;
        Activation = activation;
        UseBias = useBias;
        _rnn = kind switch
        {
            RecurrentKind.LSTM => nn.LSTM(inputSize, units, bias: useBias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
            RecurrentKind.GRU => nn.GRU(inputSize, units, bias: useBias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
            RecurrentKind.SimpleRNN => nn.RNN(inputSize, units, nonLinearity: activation == Activation.ReLU ? nn.NonLinearities.ReLU : nn.NonLinearities.Tanh, bias: useBias, batchFirst: true, bidirectional: bidirectional, device: device, dtype: dtype),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown recurrent layer kind."),
        };
        register_module("rnn", _rnn);
    }

    /// <summary>The cell.</summary>
    public RecurrentKind Kind { get; }

    /// <summary>Features per input step.</summary>
    public long InputSize { get; }

    /// <summary>Size of the state of each direction.</summary>
    public long Units { get; }

    /// <summary>Whether every step's output is returned.</summary>
    public bool ReturnSequences { get; }

    /// <summary>Whether a backward direction runs too.</summary>
    public bool Bidirectional { get; }

    /// <summary>How the two directions' outputs are merged.</summary>
    public MergeMode MergeMode { get; }

    /// <summary>Fraction of input features dropped in training.</summary>
    public double Dropout { get; }

    /// <summary>Fraction of state units dropped in training.</summary>
    public double RecurrentDropout { get; }

    /// <summary>The SimpleRNN's activation (Tanh for the gated kinds).</summary>
    public Activation Activation { get; }

    /// <summary>Whether the cell has biases.</summary>
    public bool UseBias { get; }

    /// <summary>The TorchSharp module that holds the weights and runs the fused kernel.</summary>
    public nn.Module Module => _rnn;

    /// <summary>Number of directions: 2 when bidirectional.</summary>
    public int Directions => Bidirectional ? 2 : 1;

    /// <summary>Features of each output step: twice the units for a bidirectional concatenation.</summary>
    public long OutputSize => Bidirectional && MergeMode == MergeMode.Concat ? 2 * Units : Units;

    /// <summary>Features of the final state (<see cref="Run(Tensor, Tensor?, Tensor?, out Tensor)"/>): the directions side by side.</summary>
    public long StateSize => Directions * Units;

    private int Gates => Kind switch { RecurrentKind.LSTM => 4, RecurrentKind.GRU => 3, _ => 1 };

    /// <summary>
    /// Keras's initial weights: each input kernel Glorot uniform over the gate-stacked matrix
    /// (fan-in the features, fan-out gates x units, as Keras's kernel of shape (features, gates x units)),
    /// each recurrent kernel orthogonal (Keras's (units, gates x units) kernel transposed), biases
    /// zero and an LSTM's forget-gate bias 1 (<c>unit_forget_bias</c>). PyTorch's cells add two bias
    /// vectors where Keras has one: the input bias takes Keras's values and the recurrent bias
    /// stays zero, so their sum starts as Keras's.
    /// </summary>
    public void InitializeKeras(Generator? generator = null)
    {
        using var noGrad = no_grad();
        foreach (var (name, parameter) in _rnn.named_parameters())
        {
            if (name.StartsWith("weight_ih", StringComparison.Ordinal))
            {
                Initializers.Apply(parameter, Initializer.GlorotUniform, generator);
            }
            else if (name.StartsWith("weight_hh", StringComparison.Ordinal))
            {
                Orthogonal(parameter, generator);
            }
            else
            {
                parameter.zero_();
                if (Kind == RecurrentKind.LSTM && name.StartsWith("bias_ih", StringComparison.Ordinal))
                {
                    // PyTorch's gate order is (input, forget, cell, output): the second block.
                    parameter.narrow(0, Units, Units).fill_(Scalars.One);
                }
            }
        }
    }

    /// <inheritdoc />
    public override Tensor forward(Tensor input) => Run(input, null, null, out _, wantState: false);

    /// <summary>
    /// Runs the layer; with <paramref name="tokens"/> (batch, steps) int64, steps whose id is 0 are
    /// skipped; with <paramref name="initialState"/>, the layer starts from another layer's final state.
    /// Hooks fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor input, Tensor? tokens = null, Tensor? initialState = null) =>
        CallWithHooks(input, x => Run(x, tokens, initialState, out _, wantState: false));

    /// <summary>
    /// Runs the layer and returns its final state as well: (1, batch, directions x units) for SimpleRNN and
    /// GRU (the hidden state), (2, batch, directions x units) for LSTM (hidden, then cell state); a
    /// bidirectional layer's directions sit side by side, forward first, as Keras concatenates them.
    /// An <paramref name="initialState"/> has the same layout with this layer's units as its features
    /// (a bidirectional layer starts both directions from it). Hooks fire as for <c>call</c>.
    /// </summary>
    public Tensor Run(Tensor input, Tensor? tokens, Tensor? initialState, out Tensor finalState)
    {
        Tensor? state = null;
        var output = CallWithHooks(input, x => Run(x, tokens, initialState, out state, wantState: true));
        finalState = state!;
        return output;
    }

    private Tensor Run(Tensor input, Tensor? tokens, Tensor? initialState, out Tensor? finalState, bool wantState)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 3 || input.shape[2] != InputSize)
        {
            throw new ArgumentException($"A {Kind} layer takes (batch, steps, {InputSize}) sequences; got ({string.Join(", ", input.shape)}).", nameof(input));
        }

        var batch = input.shape[0];
        var steps = input.shape[1];
        using var scope = NewDisposeScope();
        // The same check and mask as every masked layer's (token ids, same batch and steps, 0 is padding).
        var valid = tokens is null ? null : RealSteps(Kind.ToString(), input, tokens, nameof(tokens));
        var x = input;
        if (training && Dropout > 0)
        {
            x = x.mul(DropoutMask(batch, InputSize, Dropout, x).unsqueeze(1));
        }

        var (h0, c0) = InitialStates(initialState, batch, x);
        // The masked paths leave the sequence out unless it is returned: putting every step back
        // at its position costs a gather over the whole output that nothing would read.
        (Tensor? sequence, Tensor hn, Tensor? cn) = training && RecurrentDropout > 0
            ? StepLoop(x, valid, h0, c0)
            : valid is null ? Fused(x, h0, c0)
            : Bidirectional || wantState ? Packed(x, valid, h0, c0)
            : Aligned(x, valid, h0, c0);

        Tensor output;
        if (ReturnSequences)
        {
            output = Bidirectional ? Merge(sequence!.narrow(2, 0, Units), sequence.narrow(2, Units, Units)) : sequence!;
        }
        else
        {
            output = Bidirectional ? Merge(hn[0], hn[1]) : hn[0];
        }

        if (wantState)
        {
            // (directions, batch, units) -> (batch, directions x units), forward first.
            var h = hn.permute(1, 0, 2).reshape(batch, StateSize);
            finalState = (cn is null ? h.unsqueeze(0) : stack([h, cn.permute(1, 0, 2).reshape(batch, StateSize)])).MoveToOuterDisposeScope();
        }
        else
        {
            finalState = null;
        }

        return output.MoveToOuterDisposeScope();
    }

    private Tensor Merge(Tensor forward, Tensor backward) => MergeMode switch
    {
        MergeMode.Sum => forward.add(backward, Scalars.One),
        MergeMode.Multiply => forward.mul(backward),
        MergeMode.Average => Average(forward, backward),
        _ => cat([forward, backward], -1),
    };

    private static Tensor Average(Tensor forward, Tensor backward)
    {
        return forward.add(backward, Scalars.One).div(Scalars.Two);
    }

    /// <summary>(directions, batch, units) starting states: zeros, or the given state repeated for each direction.</summary>
    private (Tensor H, Tensor? C) InitialStates(Tensor? initialState, long batch, Tensor like)
    {
        var count = Kind == RecurrentKind.LSTM ? 2 : 1;
        if (initialState is null)
        {
            var zeros = torch.zeros(Directions, batch, Units, dtype: like.dtype, device: like.device);
            return (zeros, count == 2 ? torch.zeros(Directions, batch, Units, dtype: like.dtype, device: like.device) : null);
        }

        if (initialState.dim() != 3 || initialState.shape[0] != count || initialState.shape[1] != batch || initialState.shape[2] != Units)
        {
            throw new ArgumentException(
                $"A {Kind} layer of {Units} units starts from a ({count}, batch, {Units}) state ({(count == 2 ? "hidden and cell" : "hidden")}); got ({string.Join(", ", initialState.shape)}) for a batch of {batch}.",
                nameof(initialState));
        }

        var h = initialState[0].unsqueeze(0).expand(Directions, batch, Units).contiguous();
        return (h, count == 2 ? initialState[1].unsqueeze(0).expand(Directions, batch, Units).contiguous() : null);
    }

    private (Tensor Sequence, Tensor H, Tensor? C) Fused(Tensor x, Tensor h0, Tensor? c0)
    {
        switch (_rnn)
        {
            case TorchSharp.Modules.LSTM lstm:
            {
                var (sequence, h, c) = lstm.call(x, (h0, c0!));
                return (sequence, h, c);
            }

            case TorchSharp.Modules.GRU gru:
            {
                var (sequence, h) = gru.call(x, h0);
                return (sequence, h, null);
            }

            default:
            {
                var (sequence, h) = ((TorchSharp.Modules.RNN)_rnn).call(x, h0);
                return (sequence, h, null);
            }
        }
    }

    /// <summary>
    /// Skips the padded steps of a forward-only layer whose final state nobody reads: each
    /// sequence's real steps move to the front in order and the fused kernel runs over them (over
    /// the whole length with <see cref="ReturnSequences"/>, up to the longest sequence's end
    /// without); with <see cref="ReturnSequences"/> the outputs go back to the real steps' positions
    /// (zeros at the padded ones), and the last output is the one at the last real step. The steps
    /// after it only follow it, so they change nothing; several times faster than packing on the CPU. The returned state holds the
    /// last hidden output only (no cell state: <see cref="Run(Tensor, Tensor?, Tensor?, out Tensor)"/> packs).
    /// </summary>
    private (Tensor? Sequence, Tensor H, Tensor? C) Aligned(Tensor x, Tensor valid, Tensor h0, Tensor? c0)
    {
        var (positions, lengths, aligned) = AlignRealSteps(x, valid);
        if (!ReturnSequences)
        {
            // Only each sequence's last real output is read, and after the longest sequence's
            // last real step every sequence holds padding: the kernel stops there. A batch of
            // one pre-padded review runs its real steps only.
            var longest = Math.Max(lengths.max().item<long>(), 1);
            if (longest < aligned.size(1))
            {
                aligned = aligned.narrow(1, 0, longest);
            }
        }

        var (output, _, _) = Fused(aligned, h0, c0);
        var sequence = ReturnSequences ? Restore(output, positions, valid) : null;
        using var none = 0.ToScalar();
        var lastIndex = lengths.sub(Scalars.One).clamp_min(none).view(-1, 1, 1).expand(x.shape[0], 1, output.shape[2]);
        var last = output.gather(1, lastIndex).squeeze(1).unsqueeze(0);
        return (sequence, where(lengths.eq(none).view(1, -1, 1), h0, last), null);
    }

    /// <summary>Where each step goes when the real steps move to the front in order, the lengths, and the moved input.</summary>
    private static (Tensor Positions, Tensor Lengths, Tensor Aligned) AlignRealSteps(Tensor x, Tensor valid)
    {
        var real = valid.to(ScalarType.Int64);
        var lengths = real.sum(1);
        var positions = where(valid, real.cumsum(1).sub(Scalars.One), lengths.unsqueeze(1).add(valid.logical_not().to(ScalarType.Int64).cumsum(1), Scalars.One).sub(Scalars.One));

        // Each row of positions is a permutation; its inverse says which step lands at each position.
        var sources = positions.argsort(1);
        return (positions, lengths, SelectSteps(x, sources));
    }

    /// <summary>The outputs of the moved steps back at their positions, zeros at padded steps.</summary>
    private static Tensor Restore(Tensor output, Tensor positions, Tensor valid) =>
        SelectSteps(output, positions).mul(valid.unsqueeze(2).to(output.dtype));

    /// <summary>
    /// result[b, t] = sequences[b, steps[b, t]], as whole feature rows: one <c>index_select</c> over
    /// the (batch x steps) rows, whose backward adds rows back, several times cheaper on the CPU
    /// than <c>gather</c>/<c>scatter</c> with an index per element.
    /// </summary>
    private static Tensor SelectSteps(Tensor sequences, Tensor steps)
    {
        var batch = sequences.size(0);
        var length = sequences.size(1);
        var features = sequences.size(2);
        // arange(start, stop, step): arange(stop) makes its start and step as Scalars nothing keeps alive.
        using var start = 0L.ToScalar();
        using var stop = batch.ToScalar();
        using var step = 1L.ToScalar();
        using var rowLength = length.ToScalar();
        var rows = steps.add(arange(start, stop, step, dtype: ScalarType.Int64, device: steps.device).mul(rowLength).unsqueeze(1), Scalars.One).flatten();
        return sequences.reshape(batch * length, features).index_select(0, rows).view(batch, length, features);
    }

    /// <summary>
    /// Skips the padded steps: each sequence's real steps move to the front in order, are packed
    /// with their lengths and run by the fused kernel (both directions see only real steps), and
    /// with <see cref="ReturnSequences"/> the outputs go back to the real steps' positions, zeros at the padded ones. A sequence
    /// without a real step keeps its initial state.
    /// </summary>
    private (Tensor? Sequence, Tensor H, Tensor? C) Packed(Tensor x, Tensor valid, Tensor h0, Tensor? c0)
    {
        var batch = x.shape[0];
        var steps = x.shape[1];
        var (positions, lengths, aligned) = AlignRealSteps(x, valid);
        using var packed = nn.utils.rnn.pack_padded_sequence(aligned, lengths.clamp_min(Scalars.One).cpu(), batch_first: true, enforce_sorted: false);
        nn.utils.rnn.PackedSequence packedOutput;
        Tensor h;
        Tensor? c = null;
        switch (_rnn)
        {
            case TorchSharp.Modules.LSTM lstm:
                (packedOutput, h, c) = lstm.call(packed, (h0, c0!));
                break;
            case TorchSharp.Modules.GRU gru:
                (packedOutput, h) = gru.call(packed, h0);
                break;
            default:
                (packedOutput, h) = ((TorchSharp.Modules.RNN)_rnn).call(packed, h0);
                break;
        }

        using (packedOutput)
        {
            var sequence = ReturnSequences ? Restore(nn.utils.rnn.pad_packed_sequence(packedOutput, batch_first: true, total_length: steps).Item1, positions, valid) : null;
            using var none = 0.ToScalar();
            var empty = lengths.eq(none).view(1, batch, 1);
            h = where(empty, h0, h);
            c = c is null ? null : where(empty, c0!, c);
            return (sequence, h, c);
        }
    }

    /// <summary>
    /// The cells written out step by step, for recurrent dropout in training: the state each
    /// step reads is multiplied by one dropout mask per sequence (per direction); the carried
    /// state is not. Padded steps keep the state and output zeros, as <see cref="Packed"/>.
    /// </summary>
    private (Tensor Sequence, Tensor H, Tensor? C) StepLoop(Tensor x, Tensor? valid, Tensor h0, Tensor? c0)
    {
        var batch = x.shape[0];
        var steps = x.shape[1];
        var parameters = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, parameter) in _rnn.named_parameters())
        {
            parameters[name] = parameter;
        }

        var outputs = new List<Tensor>();
        var finalH = new List<Tensor>();
        var finalC = new List<Tensor>();
        for (var direction = 0; direction < Directions; direction++)
        {
            var suffix = direction == 0 ? "_l0" : "_l0_reverse";
            var inputPart = x.matmul(parameters["weight_ih" + suffix].t());
            if (UseBias)
            {
                inputPart = inputPart.add(parameters["bias_ih" + suffix], Scalars.One);
            }

            var recurrentWeight = parameters["weight_hh" + suffix].t();
            var recurrentBias = UseBias ? parameters["bias_hh" + suffix] : null;
            var mask = DropoutMask(batch, Units, RecurrentDropout, x);
            var h = h0[direction];
            var c = c0?[direction];
            var stepOutputs = new Tensor[steps];
            for (var i = 0; i < steps; i++)
            {
                var t = direction == 0 ? i : steps - 1 - i;
                var recurrentPart = h.mul(mask).matmul(recurrentWeight);
                if (recurrentBias is not null)
                {
                    recurrentPart = recurrentPart.add(recurrentBias, Scalars.One);
                }

                var (nextH, nextC) = Cell(inputPart.select(1, t), recurrentPart, h, c);
                if (valid is not null)
                {
                    var keep = valid.select(1, t).unsqueeze(1);
                    nextH = where(keep, nextH, h);
                    nextC = nextC is null ? null : where(keep, nextC, c!);
                    stepOutputs[t] = nextH.mul(keep.to(nextH.dtype));
                }
                else
                {
                    stepOutputs[t] = nextH;
                }

                h = nextH;
                c = nextC;
            }

            outputs.Add(stack(stepOutputs, 1));
            finalH.Add(h);
            if (c is not null)
            {
                finalC.Add(c);
            }
        }

        return (cat(outputs, 2), stack(finalH), finalC.Count == 0 ? null : stack(finalC));
    }

    /// <summary>One step of the cell from the input's and the state's projections (PyTorch's gate order).</summary>
    private (Tensor H, Tensor? C) Cell(Tensor inputPart, Tensor recurrentPart, Tensor h, Tensor? c)
    {
        switch (Kind)
        {
            case RecurrentKind.LSTM:
            {
                var gates = inputPart.add(recurrentPart, Scalars.One).chunk(4, 1);
                var nextC = gates[1].sigmoid().mul(c!).add(gates[0].sigmoid().mul(gates[2].tanh()), Scalars.One);
                return (gates[3].sigmoid().mul(nextC.tanh()), nextC);
            }

            case RecurrentKind.GRU:
            {
                var i = inputPart.chunk(3, 1);
                var r = recurrentPart.chunk(3, 1);
                var reset = i[0].add(r[0], Scalars.One).sigmoid();
                var update = i[1].add(r[1], Scalars.One).sigmoid();
                var candidate = i[2].add(reset.mul(r[2]), Scalars.One).tanh();
                return (candidate.add(update.mul(h.sub(candidate)), Scalars.One), null);
            }

            default:
            {
                var sum = inputPart.add(recurrentPart, Scalars.One);
                return (Activation == Activation.ReLU ? sum.relu() : sum.tanh(), null);
            }
        }
    }

    /// <summary>A (batch, size) mask of kept units scaled by 1 / (1 - rate), drawn once for every step.</summary>
    private static Tensor DropoutMask(long batch, long size, double rate, Tensor like)
    {
        using var keep = (1 - rate).ToScalar();
        return torch.ones(batch, size, dtype: like.dtype, device: like.device).bernoulli_(1 - rate).div(keep);
    }

    /// <summary>Keras's orthogonal initializer: Q of the QR decomposition of a normal matrix, column signs from R's diagonal.</summary>
    private static void Orthogonal(Tensor weight, Generator? generator)
    {
        using var scope = NewDisposeScope();
        var rows = weight.shape[0];
        var columns = weight.shape[1];
        var normal = randn(Math.Max(rows, columns), Math.Min(rows, columns), dtype: ScalarType.Float64, generator: generator);
        var (q, r) = linalg.qr(normal);
        q = q.mul(r.diagonal().sign());
        weight.copy_(rows < columns ? q.t() : q);
    }
}
