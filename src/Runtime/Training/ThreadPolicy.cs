using System;
using static TorchSharp.torch;

namespace NetGen.Training;

/// <summary>
/// How many threads libtorch uses while NetGen trains, evaluates or predicts. On small networks
/// each step is so short that waking libtorch's thread team costs more than the work it shares
/// (and much more when other processes keep the cores busy); large steps gain from every core.
/// </summary>
/// <remarks>
/// libtorch's thread count is process-wide: the policy sets it for the duration of a call and
/// restores it afterwards. Calls running at once on several threads share it.
/// </remarks>
public sealed class ThreadPolicy
{
    /// <summary>
    /// Work per step, in multiply-adds (samples per batch times trainable parameters), below which
    /// <see cref="Auto"/> uses one thread. Measured in benchmarks/ (docs/benchmarks.md).
    /// </summary>
    public const long SingleThreadWork = 4_000_000;

    private readonly int? _threads;
    private readonly bool _auto;

    private ThreadPolicy(int? threads, bool auto)
    {
        _threads = threads;
        _auto = auto;
    }

    /// <summary>One thread for steps below <see cref="SingleThreadWork"/>, libtorch's setting otherwise.</summary>
    public static ThreadPolicy Auto { get; } = new(null, auto: true);

    /// <summary>Leaves libtorch's thread count as it is.</summary>
    public static ThreadPolicy Unchanged { get; } = new(null, auto: false);

    /// <summary>The policy used when a call does not give one; <see cref="Auto"/> unless changed.</summary>
    public static ThreadPolicy Default { get; set; } = Auto;

    /// <summary>Exactly <paramref name="threads"/> threads.</summary>
    public static ThreadPolicy Fixed(int threads) =>
        threads >= 1 ? new ThreadPolicy(threads, auto: false) : throw new ArgumentOutOfRangeException(nameof(threads), threads, "At least one thread.");

    /// <summary>The thread count for a step of <paramref name="work"/> multiply-adds, or null to keep libtorch's.</summary>
    public int? ThreadsFor(long work) => _threads ?? (_auto && work < SingleThreadWork ? 1 : null);

    /// <inheritdoc />
    public override string ToString() => _threads is { } n ? $"Fixed({n})" : _auto ? "Auto" : "Unchanged";

    /// <summary>Sets the thread count for a step of <paramref name="work"/> multiply-adds until disposed.</summary>
    internal IDisposable Apply(long work)
    {
        var previous = get_num_threads();
        var wanted = ThreadsFor(work);
        if (wanted is not { } threads || threads == previous)
        {
            return NoChange.Instance;
        }

        set_num_threads(threads);
        return new Restore(previous);
    }

    private sealed class NoChange : IDisposable
    {
        public static readonly NoChange Instance = new();

        public void Dispose()
        {
        }
    }

    private sealed class Restore(int previous) : IDisposable
    {
        public void Dispose() => set_num_threads(previous);
    }
}
