using System;
using System.Collections;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using NetGen.Training;

namespace NetGen.Data.Images;

/// <summary>
/// One epoch's batches, made ahead by background threads and handed out in index order.
/// </summary>
/// <remarks>
/// Workers claim batch indices in increasing order, each after taking a slot of the bounded
/// queue; a slot is given back when the consumer takes its batch, so at most
/// <c>prefetch</c> batches are in the making or waiting. Batch k is always claimed before k + 1
/// and the consumer waits only for the lowest unconsumed index, so it cannot wait for a batch no
/// worker will make. The workers hold the shared <see cref="State"/>, never this enumerator: an
/// enumerator dropped without <see cref="Dispose"/> is finalized, which cancels them.
/// </remarks>
internal sealed class BatchPrefetcher : IEnumerator<Batch>
{
    private readonly State _state;
    private readonly bool _disposeBatches;
    private PreparedBatch? _current;
    private int _next;
    private bool _disposed;

    public BatchPrefetcher(int count, Func<int, CancellationToken, PreparedBatch> make, int workers, int prefetch, bool disposeBatches, CancellationToken cancellationToken)
    {
        _disposeBatches = disposeBatches;
        _state = new State(count, make, prefetch, cancellationToken);
        var threads = new Thread[Math.Min(workers, Math.Max(count, 1))];
        for (var i = 0; i < threads.Length; i++)
        {
            threads[i] = new Thread(_state.Work) { IsBackground = true, Name = $"NetGen image worker {i + 1}" };
        }

        _state.Threads = threads;
        foreach (var thread in threads)
        {
            thread.Start();
        }
    }

    // A constructor that threw leaves no state to cancel.
    ~BatchPrefetcher() => _state?.Cancel();

    public Batch Current => _current?.Batch ?? throw new InvalidOperationException("The enumeration has not started or has ended.");

    object IEnumerator.Current => Current;

    /// <summary>Worker threads still running: none once the enumerator is disposed (tests read it).</summary>
    internal int RunningWorkers => _state.RunningWorkers;

    /// <summary>Reads <see cref="RunningWorkers"/> without holding the enumerator, so a test can watch it be finalized.</summary>
    internal Func<int> WorkerProbe()
    {
        var state = _state;
        return () => state.RunningWorkers;
    }

    public bool MoveNext()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_disposeBatches)
        {
            _current?.Dispose();
        }

        _current = null;
        if (_next >= _state.Count)
        {
            // Every batch is made: let the workers waiting for a slot go.
            _state.Cancel();
            return false;
        }

        var task = _state.Slots[_next].Task;
        try
        {
            task.Wait(_state.Token);
        }
        catch (AggregateException e) when (e.InnerExceptions.Count == 1)
        {
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        catch (OperationCanceledException) when (_state.UserToken.IsCancellationRequested)
        {
            _state.UserToken.ThrowIfCancellationRequested();
        }

        _current = task.Result;
        _next++;
        _state.Release();
        return true;
    }

    public void Reset() => throw new NotSupportedException("Enumerate the batches again for another epoch.");

    /// <summary>Stops the workers, waits for them to end and frees the batches made but not taken.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        GC.SuppressFinalize(this);
        _state.Cancel();
        foreach (var thread in _state.Threads)
        {
            thread.Join();
        }

        if (_disposeBatches)
        {
            _current?.Dispose();
        }

        _current = null;
        for (var i = _next; i < _state.Count; i++)
        {
            if (_state.Slots[i].Task.IsCompletedSuccessfully)
            {
                _state.Slots[i].Task.Result.Dispose();
            }
        }

        _state.Dispose();
    }

    /// <summary>What the workers share: the slots, the queue bound and the cancellation.</summary>
    private sealed class State : IDisposable
    {
        private readonly Func<int, CancellationToken, PreparedBatch> _make;
        private readonly SemaphoreSlim _capacity;
        private readonly CancellationTokenSource _cancellation;
        private int _claimed = -1;
        private int _running;

        public State(int count, Func<int, CancellationToken, PreparedBatch> make, int prefetch, CancellationToken userToken)
        {
            Count = count;
            _make = make;
            _capacity = new SemaphoreSlim(prefetch);
            UserToken = userToken;
            _cancellation = CancellationTokenSource.CreateLinkedTokenSource(userToken);
            Token = _cancellation.Token;
            Slots = new TaskCompletionSource<PreparedBatch>[count];
            for (var i = 0; i < count; i++)
            {
                Slots[i] = new TaskCompletionSource<PreparedBatch>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        public int Count { get; }

        public TaskCompletionSource<PreparedBatch>[] Slots { get; }

        public Thread[] Threads { get; set; } = [];

        public CancellationToken Token { get; }

        public CancellationToken UserToken { get; }

        public int RunningWorkers => Volatile.Read(ref _running);

        public void Release() => _capacity.Release();

        public void Cancel()
        {
            try
            {
                _cancellation.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // Disposed already: the workers have ended.
            }
        }

        public void Work()
        {
            Interlocked.Increment(ref _running);
            try
            {
                while (true)
                {
                    try
                    {
                        _capacity.Wait(Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    var index = Interlocked.Increment(ref _claimed);
                    if (index >= Count)
                    {
                        return;
                    }

                    try
                    {
                        Slots[index].SetResult(_make(index, Token));
                    }
                    catch (Exception e)
                    {
                        Slots[index].SetException(e);
                        if (e is OperationCanceledException)
                        {
                            return;
                        }
                    }
                }
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        public void Dispose()
        {
            _capacity.Dispose();
            _cancellation.Dispose();
        }
    }
}
