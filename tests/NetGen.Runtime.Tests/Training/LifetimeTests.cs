using System;
using System.Threading;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// .NET hygiene: what a network owns dies with it, callbacks always see the end of training,
/// cancellation stops every call, and one network is not trained twice at once.
/// </summary>
public sealed class LifetimeTests
{
    private static long LiveTensors => DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

    [Fact]
    public void DisposingATrainedNetworkFreesItsOptimizerState()
    {
        var (x, y) = ToyData.Separable(16, seed: 131);
        var before = LiveTensors;

        using (var model = new TinyNet(new Adam()))
        {
            model.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent);
            // Parameters and Adam's two moment estimates per parameter are alive.
            Assert.True(LiveTensors >= before + 12, $"{LiveTensors - before} live tensors");
        }

        Assert.Equal(before, LiveTensors);
    }

    [Fact]
    public void WhenACallbackThrowsEveryCallbackSeesTheEndAndTheModeIsRestored()
    {
        var (x, y) = ToyData.Separable(16, seed: 132);
        using var model = new TinyNet();
        model.eval();
        var first = new Recorder();
        var last = new Recorder();

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 3, batchSize: 4, callbacks: [first, new ThrowAt(batch: 1), last], verbose: Verbosity.Silent));

        Assert.Equal("thrown at batch 1", error.Message);
        Assert.True(first.TrainEnded);
        Assert.True(last.TrainEnded);
        Assert.False(model.training);
        // The network is free to train again.
        Assert.Equal(1, model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent).Epochs);
    }

    [Fact]
    public void CancellingFitStopsBeforeTheNextBatchAndEndsTheCallbacks()
    {
        var (x, y) = ToyData.Separable(16, seed: 133);
        using var model = new TinyNet();
        using var cancellation = new CancellationTokenSource();
        var recorder = new Recorder();
        var steps = new CountSteps(cancellation, cancelAfter: 2);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            model.Fit(x, y, epochs: 3, batchSize: 4, callbacks: [recorder, steps], verbose: Verbosity.Silent, cancellationToken: cancellation.Token));

        Assert.Equal(2, steps.Batches);
        Assert.True(recorder.TrainEnded);
        Assert.Empty(recorder.Logs);
        Assert.True(model.training);

        // Already cancelled: no batch runs at all.
        var none = new CountSteps(cancellation, cancelAfter: int.MaxValue);
        Assert.ThrowsAny<OperationCanceledException>(() => model.Fit(x, y, callbacks: [none], verbose: Verbosity.Silent, cancellationToken: cancellation.Token));
        Assert.Equal(0, none.Batches);
    }

    [Fact]
    public void CancellingEvaluatePredictAndPredictClassesStopsThemAndRestoresTheMode()
    {
        var (x, y) = ToyData.Separable(20, seed: 134);
        using var model = new CancellingNet();
        model.train();

        using (var cancellation = new CancellationTokenSource())
        {
            model.CancelOnCall(cancellation, call: 1);
            Assert.ThrowsAny<OperationCanceledException>(() => model.Evaluate(x, y, batchSize: 5, cancellationToken: cancellation.Token));
            Assert.Equal(1, model.Calls);
        }

        using (var cancellation = new CancellationTokenSource())
        {
            model.CancelOnCall(cancellation, call: 2);
            Assert.ThrowsAny<OperationCanceledException>(() => model.Predict(x, batchSize: 5, cancellationToken: cancellation.Token));
            Assert.Equal(2, model.Calls);
            Assert.ThrowsAny<OperationCanceledException>(() => model.Predict(x, cancellationToken: cancellation.Token));
        }

        using (var cancellation = new CancellationTokenSource())
        {
            model.CancelOnCall(cancellation, call: 3);
            Assert.ThrowsAny<OperationCanceledException>(() => model.PredictClasses(x, batchSize: 5, cancellationToken: cancellation.Token));
            Assert.Equal(3, model.Calls);
        }

        Assert.True(model.training);
    }

    [Fact]
    public void ASecondFitOfTheSameNetworkAtTheSameTimeIsRejected()
    {
        var (x, y) = ToyData.Separable(16, seed: 135);
        using var model = new DropoutNet();
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = new BlockAfterFirstBatch(inside, release);
        Exception? failure = null;
        var training = new Thread(() =>
        {
            try
            {
                model.Fit(x, y, epochs: 1, batchSize: 4, callbacks: [blocker], verbose: Verbosity.Silent);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        });
        training.Start();
        try
        {
            Assert.True(inside.Wait(TimeSpan.FromSeconds(30)), "the first Fit never reached its callback");

            var error = Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, verbose: Verbosity.Silent));
            Assert.Equal("DropoutNet is already being trained by another Fit call.", error.Message);

            // Predict meanwhile runs in eval mode between the steps and leaves Fit's training mode.
            Assert.Equal(ToyData.Floats(model.Predict(x)), ToyData.Floats(model.Predict(x)));
            Assert.True(model.training);
        }
        finally
        {
            release.Set();
            Assert.True(training.Join(TimeSpan.FromSeconds(30)));
        }

        Assert.Null(failure);
        Assert.Equal(1, model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent).Epochs);
    }

    private sealed class ThrowAt(int batch) : Callback
    {
        public override void OnBatchEnd(TrainingContext context, int index, BatchLogs logs)
        {
            if (index == batch)
            {
                throw new InvalidOperationException($"thrown at batch {batch}");
            }
        }
    }

    private sealed class CountSteps(CancellationTokenSource cancellation, int cancelAfter) : Callback
    {
        public int Batches { get; private set; }

        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
        {
            if (++Batches == cancelAfter)
            {
                cancellation.Cancel();
            }
        }
    }

    private sealed class BlockAfterFirstBatch(ManualResetEventSlim inside, ManualResetEventSlim release) : Callback
    {
        public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
        {
            if (batch == 0)
            {
                inside.Set();
                release.Wait(TimeSpan.FromSeconds(30));
            }
        }
    }

    /// <summary>TinyNet that cancels a token on its n-th forward pass.</summary>
    private sealed class CancellingNet() : TinyNet(new Sgd())
    {
        private CancellationTokenSource? _cancellation;
        private int _cancelOn;

        public int Calls { get; private set; }

        public void CancelOnCall(CancellationTokenSource cancellation, int call) => (_cancellation, _cancelOn, Calls) = (cancellation, call, 0);

        public override Tensor forward(Tensor input)
        {
            if (++Calls == _cancelOn)
            {
                _cancellation!.Cancel();
            }

            return base.forward(input);
        }

        protected override Tensor[] ForwardLogits(System.Collections.Generic.IReadOnlyList<Tensor> inputs)
        {
            if (++Calls == _cancelOn)
            {
                _cancellation!.Cancel();
            }

            return base.ForwardLogits(inputs);
        }
    }
}
