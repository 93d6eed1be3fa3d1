using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Decoding;
using NetGen.Training;

namespace NetGen.Samples.Seq2Seq;

/// <summary>
/// Sequence to sequence on a digit task generated in code: two LSTM encoder-decoders, one with
/// attention over the encoder's steps, are trained with teacher forcing (the decoder reads the
/// target shifted right), then decode a held-out test set token by token, greedily and with beam
/// search. The table compares the exact-match accuracy of the four combinations.
/// </summary>
public static class Seq2SeqSample
{
    /// <summary>One network, trained and decoded both ways.</summary>
    public sealed record NetworkResult(
        string Name,
        long Parameters,
        History History,
        TimeSpan TrainingTime,
        double GreedyExactMatch,
        double BeamExactMatch,
        TimeSpan GreedyTime,
        TimeSpan BeamTime,
        int FixedByBeam,
        int BrokenByBeam);

    /// <summary>What the run measured, for the sample's tests.</summary>
    public sealed record Result(DigitTask Task, int TestCount, int BeamWidth, NetworkResult Plain, NetworkResult Attention);

    public static Result Run(TextWriter output, Seq2SeqOptions? options = null)
    {
        options ??= new Seq2SeqOptions();
        options.Validate();

        // Three draws with their own seeds. The test keeps only sources the training set does not
        // have: short operands repeat often, and a repeated example measures memory, not decoding.
        using var train = Draw(options, options.TrainCount, options.Seed);
        using var validation = Draw(options, options.ValidationCount, options.Seed + 1);
        using var drawn = Draw(options, 4 * options.TestCount, options.Seed + 2);
        using var test = HeldOutExamples.Select(drawn, train, options.TestCount);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{Describe(options)}: {train.Count:N0} training, {validation.Count:N0} validation and {test.Count:N0} test examples (the first of {test.Drawn:N0} drawn whose source is not a training source); sources of {train.SourceLength} tokens, targets of up to {train.TargetLength - 1} and the end token."));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Example: {train.SourceTexts[0]} -> {train.TargetTexts[0]}"));

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        NetworkResult plain;
        using (var network = new Seq2SeqNet(Devices.Default, seed: options.Seed))
        {
            plain = TrainAndDecode(output, network, "LSTM encoder-decoder", Seq2SeqNet.ParameterCount, train, validation, test, options, threads);
        }

        NetworkResult attention;
        using (var network = new AttentionSeq2SeqNet(Devices.Default, seed: options.Seed))
        {
            attention = TrainAndDecode(output, network, "LSTM encoder-decoder + attention", AttentionSeq2SeqNet.ParameterCount, train, validation, test, options, threads);
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Exact match on {test.Count:N0} held-out test examples ({Describe(options)}), {options.Epochs} epochs:"));
        var beamHeader = string.Create(CultureInfo.InvariantCulture, $"Beam (k={options.BeamWidth})");
        output.WriteLine($"{"Network",-34} {"Params",9} {"Greedy",8} {beamHeader,11} {"Fixed",6} {"Broken",6}");
        foreach (var result in new[] { plain, attention })
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{result.Name,-34} {result.Parameters,9:N0} {result.GreedyExactMatch,8:F4} {result.BeamExactMatch,11:F4} {result.FixedByBeam,6} {result.BrokenByBeam,6}"));
        }

        output.WriteLine("Fixed: test examples beam search gets right and greedy decoding wrong; Broken: the reverse.");
        return new Result(options.Task, test.Count, options.BeamWidth, plain, attention);
    }

    private static NetworkResult TrainAndDecode(
        TextWriter output,
        INetwork network,
        string name,
        long parameters,
        DigitTaskData train,
        DigitTaskData validation,
        HeldOutExamples test,
        Seq2SeqOptions options,
        ThreadPolicy? threads)
    {
        output.WriteLine();
        output.WriteLine($"{name}:");
        output.WriteLine(network.Summary());

        // Teacher forcing: the decoder reads the true previous token at every step (the start
        // token, then the target shifted right) and learns to predict the target's next token.
        var outputName = network.Description.Outputs[0].Name;
        var clock = Stopwatch.StartNew();
        var history = network.Fit(
            Inputs(train),
            new Dictionary<string, TorchSharp.torch.Tensor> { [outputName] = train.Targets },
            epochs: options.Epochs,
            batchSize: options.BatchSize,
            validationData: (Inputs(validation), new Dictionary<string, TorchSharp.torch.Tensor> { [outputName] = validation.Targets }),
            output: output,
            seed: options.Seed,
            threads: threads);
        var trainingTime = clock.Elapsed;

        // At inference the target is unknown: the decoders feed the network its own tokens, one
        // step at a time, from the start token until the end token or the longest target.
        var scorer = new NetworkScorer(network, sourceInput: "source", prefixInput: "shifted", threads: threads);
        var maxLength = train.TargetLength;
        clock.Restart();
        var greedy = new GreedyDecoder(scorer, DigitTokens.Start, DigitTokens.End, maxLength).Decode(test.Sources);
        var greedyTime = clock.Elapsed;
        clock.Restart();
        var beam = new BeamSearchDecoder(scorer, options.BeamWidth, DigitTokens.Start, DigitTokens.End, maxLength).DecodeBest(test.Sources);
        var beamTime = clock.Elapsed;

        var greedyRight = Correct(greedy, test);
        var beamRight = Correct(beam, test);
        var fixedByBeam = Enumerable.Range(0, test.Count).Count(i => beamRight[i] && !greedyRight[i]);
        var brokenByBeam = Enumerable.Range(0, test.Count).Count(i => greedyRight[i] && !beamRight[i]);
        var result = new NetworkResult(
            name,
            parameters,
            history,
            trainingTime,
            (double)greedyRight.Count(static right => right) / test.Count,
            (double)beamRight.Count(static right => right) / test.Count,
            greedyTime,
            beamTime,
            fixedByBeam,
            brokenByBeam);

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained in {trainingTime.TotalSeconds:F1} s. Exact match: greedy {result.GreedyExactMatch:F4} ({greedyTime.TotalSeconds:F2} s), beam search k={options.BeamWidth} {result.BeamExactMatch:F4} ({beamTime.TotalSeconds:F2} s)."));
        foreach (var i in Enumerable.Range(0, test.Count).Where(i => beamRight[i] != greedyRight[i]).Take(3))
        {
            output.WriteLine($"  {test.SourceTexts[i]} -> greedy {Text(greedy[i])}, beam {Text(beam[i])}, expected {test.TargetTexts[i]}");
        }

        return result;
    }

    private static Dictionary<string, TorchSharp.torch.Tensor> Inputs(DigitTaskData data) =>
        new() { ["source"] = data.Sources, ["shifted"] = data.DecoderInputs };

    private static bool[] Correct(IReadOnlyList<DecodedSequence> decoded, HeldOutExamples data) =>
        decoded.Select((sequence, i) => sequence.IsFinished && Text(sequence) == data.TargetTexts[i]).ToArray();

    private static string Text(DecodedSequence sequence) => DigitTokens.Decode(sequence.Tokens) + (sequence.IsFinished ? string.Empty : "...");

    private static DigitTaskData Draw(Seq2SeqOptions options, int count, int seed) => options.Task switch
    {
        DigitTask.Addition => DigitTasks.Addition(count, options.DigitCount, seed),
        _ => DigitTasks.Reverse(count, 1, options.DigitCount, seed),
    };

    private static string Describe(Seq2SeqOptions options) => options.Task switch
    {
        DigitTask.Addition => string.Create(CultureInfo.InvariantCulture, $"addition of numbers of up to {options.DigitCount} digits"),
        _ => string.Create(CultureInfo.InvariantCulture, $"reversal of strings of 1 to {options.DigitCount} digits"),
    };
}
