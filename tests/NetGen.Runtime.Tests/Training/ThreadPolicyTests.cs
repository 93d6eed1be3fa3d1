using System;
using System.Collections.Generic;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// libtorch's thread count while NetGen trains, evaluates and predicts: set for the call and
/// restored after it. The count is process-wide, so the class runs apart from the parallel tests.
/// </summary>
[Collection(ProcessWideState.Name)]
public sealed class ThreadPolicyTests : IDisposable
{
    // Not what Auto chooses (1), nor, on most machines, libtorch's own default.
    private const int Outside = 3;

    private readonly int _original = get_num_threads();

    public ThreadPolicyTests() => set_num_threads(Outside);

    public void Dispose() => set_num_threads(_original);

    [Fact]
    public void FixedSetsTheCountForEachCallAndRestoresIt()
    {
        var (x, y) = ToyData.Separable(8, seed: 161);
        using var model = new ThreadProbeNet();

        model.Fit(x, y, epochs: 1, batchSize: 4, threads: ThreadPolicy.Fixed(2), verbose: Verbosity.Silent);
        Assert.Equal(Outside, get_num_threads());
        model.Evaluate(x, y, threads: ThreadPolicy.Fixed(2));
        Assert.Equal(Outside, get_num_threads());
        model.Predict(x, threads: ThreadPolicy.Fixed(2));
        Assert.Equal(Outside, get_num_threads());

        Assert.Equal(new[] { "train 2", "train 2", "test 2", "predict 2" }, model.Seen);
    }

    [Fact]
    public void AutoUsesOneThreadForSmallStepsAndLeavesLargeOnesAlone()
    {
        // TinyNet has 49 trainable parameters: 32 samples per step is small; 100,000 is 4.9 million multiply-adds.
        var (x, y) = ToyData.Separable(8, seed: 162);
        using var model = new ThreadProbeNet();

        model.Fit(x, y, epochs: 1, batchSize: 8, threads: ThreadPolicy.Auto, verbose: Verbosity.Silent);
        model.Fit(x, y, epochs: 1, batchSize: 100_000, threads: ThreadPolicy.Auto, verbose: Verbosity.Silent);
        model.Evaluate(x, y, batchSize: 8, threads: ThreadPolicy.Auto);
        model.Evaluate(x, y, batchSize: 100_000, threads: ThreadPolicy.Auto);
        model.Predict(x, threads: ThreadPolicy.Unchanged);

        Assert.Equal(new[] { "train 1", $"train {Outside}", "test 1", $"test {Outside}", $"predict {Outside}" }, model.Seen);
        Assert.Equal(Outside, get_num_threads());
        Assert.Equal(1, ThreadPolicy.Auto.ThreadsFor(ThreadPolicy.SingleThreadWork - 1));
        Assert.Null(ThreadPolicy.Auto.ThreadsFor(ThreadPolicy.SingleThreadWork));
    }

    [Fact]
    public void TheDefaultPolicyAppliesWhenACallGivesNone()
    {
        var (x, y) = ToyData.Separable(8, seed: 163);
        using var model = new ThreadProbeNet();
        var previous = ThreadPolicy.Default;
        try
        {
            ThreadPolicy.Default = ThreadPolicy.Fixed(2);
            model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
            ThreadPolicy.Default = ThreadPolicy.Unchanged;
            model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        }
        finally
        {
            ThreadPolicy.Default = previous;
        }

        Assert.Equal(new[] { "train 2", $"train {Outside}" }, model.Seen);
        Assert.Same(ThreadPolicy.Auto, ThreadPolicy.Default);
    }

    [Fact]
    public void TheCountIsRestoredWhenTrainingFails()
    {
        var (x, y) = ToyData.Separable(8, seed: 164);
        using var model = new TinyNet();

        Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, threads: ThreadPolicy.Fixed(2), callbacks: [new Fail()], verbose: Verbosity.Silent));

        Assert.Equal(Outside, get_num_threads());
    }

    [Fact]
    public void PoliciesDescribeThemselves()
    {
        Assert.Equal("Auto", ThreadPolicy.Auto.ToString());
        Assert.Equal("Unchanged", ThreadPolicy.Unchanged.ToString());
        Assert.Equal("Fixed(4)", ThreadPolicy.Fixed(4).ToString());
        Assert.Equal(4, ThreadPolicy.Fixed(4).ThreadsFor(long.MaxValue));
        Assert.Null(ThreadPolicy.Unchanged.ThreadsFor(1));
        Assert.Equal("threads", Assert.Throws<ArgumentOutOfRangeException>(() => ThreadPolicy.Fixed(0)).ParamName);
    }

    private sealed class Fail : Callback
    {
        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs) => throw new InvalidOperationException("fail");
    }

    /// <summary>TinyNet that records libtorch's thread count in each step and prediction.</summary>
    private sealed class ThreadProbeNet() : TinyNet(new Sgd())
    {
        public List<string> Seen { get; } = new();

        public override void TrainStep(Batch batch, StepContext step)
        {
            Seen.Add($"train {get_num_threads()}");
            step.DefaultTrainStep(batch);
        }

        public override void TestStep(Batch batch, StepContext step)
        {
            Seen.Add($"test {get_num_threads()}");
            step.DefaultTestStep(batch);
        }

        public override Tensor forward(Tensor input)
        {
            if (!is_grad_enabled() && !training)
            {
                Seen.Add($"predict {get_num_threads()}");
            }

            return base.forward(input);
        }
    }
}
