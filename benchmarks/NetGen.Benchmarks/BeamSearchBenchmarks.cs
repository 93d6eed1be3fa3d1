using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using NetGen.Benchmarks.Models;
using NetGen.Decoding;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// Decoding throughput: greedy decoding and beam search of widths 1, 3 and 5 over 64 sources of
/// the digit-addition task (3-digit operands, so sources of 7 tokens), up to 8 output tokens,
/// scored by a hand-written LSTM encoder-decoder (<see cref="LstmSeq2SeqScorer"/>) on one libtorch
/// thread. Each operation is one source decoded, so <c>Op/s</c> is sequences per second; Ratio
/// is each case over greedy decoding. Beam search scores up to width × 64 prefixes per step in one
/// call; every step reruns the whole prefix (O(T²), see <see cref="NetworkScorer"/>).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SequencesPerSecond))]
public class BeamSearchBenchmarks
{
    private const int Sources = 64;
    private const int MaxLength = 8;

    private LstmSeq2SeqScorer _scorer = null!;
    private DigitTaskData _data = null!;
    private GreedyDecoder _greedy = null!;
    private BeamSearchDecoder _beam = null!;

    [Params(1, 3, 5)]
    public int Width { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        torch.set_num_threads(1);
        torch.manual_seed(7);
        _scorer = new LstmSeq2SeqScorer(DigitTokens.Count);
        _data = DigitTasks.Addition(Sources, maxDigits: 3, seed: 7);
        _greedy = new GreedyDecoder(_scorer, DigitTokens.Start, DigitTokens.End, MaxLength);
        _beam = new BeamSearchDecoder(_scorer, Width, DigitTokens.Start, DigitTokens.End, MaxLength, LengthPenalty.Gnmt());
        if (Width == 1 && !string.Join(";", _greedy.Decode(_data.Sources)).Equals(string.Join(";", new BeamSearchDecoder(_scorer, 1, DigitTokens.Start, DigitTokens.End, MaxLength).DecodeBest(_data.Sources)), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("Width-1 beam search and greedy decoding disagree; the comparison would be meaningless.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _data.Dispose();
        _scorer.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Sources)]
    public int Greedy() => _greedy.Decode(_data.Sources).Count;

    [Benchmark(OperationsPerInvoke = Sources)]
    public int BeamSearch() => _beam.Decode(_data.Sources).Count;
}

/// <summary>Adds operations per second (sequences per second here) to the summary.</summary>
internal sealed class SequencesPerSecond : ManualConfig
{
    public SequencesPerSecond() => AddColumn(StatisticColumn.OperationsPerSecond);
}
