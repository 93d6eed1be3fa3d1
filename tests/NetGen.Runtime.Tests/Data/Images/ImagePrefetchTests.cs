using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using NetGen.Data.Images;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data.Images;

/// <summary>Batches made ahead on background threads: in order, the same for any number of workers, bounded, stoppable.</summary>
public sealed class ImagePrefetchTests
{
    [Fact]
    public void AugmentedEpochsAreTheSameWhateverTheNumberOfWorkers()
    {
        using var tree = new ImageTree();
        for (var i = 0; i < 30; i++)
        {
            tree.Rgb($"c{i % 3}/{i:D2}.png", 8, 8, (row, column) => ((byte)(i * 8), (byte)(row * 30), (byte)(column * 30)));
        }

        var augmentation = new ImageAugmentation { RotationRange = 30, WidthShiftRange = 0.2, HeightShiftRange = 0.2, ShearRange = 10, ZoomRange = 0.2, HorizontalFlip = true, FillMode = FillMode.Reflect };
        List<float[]> Run(int workers, int prefetch)
        {
            var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (8, 8), Seed = 21, ValidationSplit = 0.2, Workers = workers, PrefetchBatches = prefetch });
            var training = folder.Training(batchSize: 5, augmentation);
            return Enumerable.Range(0, 2).SelectMany(_ => training.Select(b => b.Inputs[0].data<float>().ToArray().Concat(b.Targets[0].data<long>().ToArray().Select(l => (float)l)).ToArray()).ToList()).ToList();
        }

        var one = Run(1, 1);
        var three = Run(3, 2);
        var four = Run(4, 8);

        Assert.Equal(10, one.Count);
        Assert.Equal(one, three);
        Assert.Equal(one, four);
        Assert.NotEqual(one[0], one[5]); // epochs differ
    }

    [Fact]
    public void NoMoreThanThePrefetchBoundIsMadeAheadAndBatchesComeInOrder()
    {
        var made = 0;
        var maxAhead = 0;
        var consumed = 0;
        var sync = new object();
        using var prefetcher = new BatchPrefetcher(20, (index, _) =>
        {
            lock (sync)
            {
                made++;
                maxAhead = Math.Max(maxAhead, made - consumed);
            }

            Thread.Sleep(index % 3);
            var value = tensor(new float[] { index });
            return new PreparedBatch(new Batch(value, value), [value]);
        }, workers: 3, prefetch: 2, disposeBatches: true, CancellationToken.None);

        var seen = new List<float>();
        while (prefetcher.MoveNext())
        {
            seen.Add(prefetcher.Current.Inputs[0].item<float>());
            Thread.Sleep(2);
            lock (sync)
            {
                consumed++;
            }
        }

        Assert.Equal(Enumerable.Range(0, 20).Select(i => (float)i), seen);
        Assert.InRange(maxAhead, 1, 2 + 1); // the bound, plus the one being handed over
    }

    [Fact]
    public void DisposingAnEpochHalfWayStopsAndJoinsItsWorkersAndFreesUntakenBatches()
    {
        var batches = new List<Tensor>();
        var prefetcher = new BatchPrefetcher(50, (index, _) =>
        {
            var value = tensor(new float[] { index });
            lock (batches)
            {
                batches.Add(value);
            }

            return new PreparedBatch(new Batch(value, value), [value]);
        }, workers: 3, prefetch: 4, disposeBatches: true, CancellationToken.None);

        Assert.True(prefetcher.MoveNext());
        Assert.True(prefetcher.MoveNext());
        prefetcher.Dispose();

        Assert.Equal(0, prefetcher.RunningWorkers);
        lock (batches)
        {
            Assert.InRange(batches.Count, 2, 2 + 4);
            Assert.All(batches, t => Assert.True(t.IsInvalid));
        }

        Assert.Throws<ObjectDisposedException>(() => prefetcher.MoveNext());
    }

    [Fact]
    public void BreakingOutOfAForeachOverAFolderLeavesNoWorkerRunning()
    {
        using var tree = new ImageTree();
        tree.Classes(40, 4, ("a", 1), ("b", 2));
        var folder = ImageFolder.Open(tree.Root, new ImageFolderOptions { ImageSize = (4, 4), Workers = 2 });

        BatchPrefetcher enumerator;
        using (var batches = folder.All(batchSize: 2).GetEnumerator())
        {
            enumerator = Assert.IsType<BatchPrefetcher>(batches);
            Assert.True(batches.MoveNext());
            Assert.True(enumerator.RunningWorkers > 0);
        }

        Assert.Equal(0, enumerator.RunningWorkers);
    }

    [Fact]
    public void AnAbandonedEnumeratorIsFinalizedAndItsWorkersEnd()
    {
        var running = Abandon();
        for (var attempt = 0; attempt < 50 && running() > 0; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Thread.Sleep(20);
        }

        Assert.Equal(0, running());
    }

    [Fact]
    public void CancellingStopsTheWorkersAndTheWaitingConsumer()
    {
        using var cancellation = new CancellationTokenSource();
        var started = new ManualResetEventSlim();
        using var prefetcher = new BatchPrefetcher(10, (index, token) =>
        {
            if (index == 1)
            {
                started.Set();
                token.WaitHandle.WaitOne();
                token.ThrowIfCancellationRequested();
            }

            var value = tensor(new float[] { index });
            return new PreparedBatch(new Batch(value, value), [value]);
        }, workers: 2, prefetch: 3, disposeBatches: true, cancellation.Token);

        Assert.True(prefetcher.MoveNext());
        started.Wait();
        cancellation.CancelAfter(50);

        Assert.ThrowsAny<OperationCanceledException>(() => prefetcher.MoveNext());
        prefetcher.Dispose();
        Assert.Equal(0, prefetcher.RunningWorkers);
    }

    [Fact]
    public void AWorkersExceptionIsThrownWhenItsBatchIsReached()
    {
        using var prefetcher = new BatchPrefetcher(5, (index, _) =>
        {
            if (index == 2)
            {
                throw new InvalidOperationException("batch 2 failed");
            }

            var value = tensor(new float[] { index });
            return new PreparedBatch(new Batch(value, value), [value]);
        }, workers: 2, prefetch: 2, disposeBatches: true, CancellationToken.None);

        Assert.True(prefetcher.MoveNext());
        Assert.True(prefetcher.MoveNext());
        Assert.Equal("batch 2 failed", Assert.Throws<InvalidOperationException>(() => prefetcher.MoveNext()).Message);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Func<int> Abandon()
    {
        var prefetcher = new BatchPrefetcher(100, (index, _) =>
        {
            var value = tensor(new float[] { index });
            return new PreparedBatch(new Batch(value, value), [value]);
        }, workers: 2, prefetch: 2, disposeBatches: true, CancellationToken.None);
        prefetcher.MoveNext();
        return prefetcher.WorkerProbe();
    }
}
