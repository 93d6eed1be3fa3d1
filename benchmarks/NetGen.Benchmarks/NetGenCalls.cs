using System.Collections.Generic;
using NetGen.Callbacks;
using NetGen.Training;
using static TorchSharp.torch;
#if NETGEN_BEFORE
using NetworkType = NetGen.Network;
#else
using NetworkType = NetGen.INetwork;
#endif

namespace NetGen.Benchmarks;

/// <summary>
/// The NetGen calls the benchmarks make, in one place. The same benchmark sources also build
/// against the old runtime (commit c3cd370, before Fit became an extension method and before
/// ThreadPolicy existed) with <c>-p:DefineConstants=NETGEN_BEFORE</c>, to record "before"
/// numbers; see docs/benchmarks.md.
/// </summary>
public static class NetGenCalls
{
    /// <summary>One silent, shuffled epoch. libtorch's thread count is left as the caller set it.</summary>
    public static History FitEpoch(NetworkType network, Tensor x, Tensor y, int batchSize) =>
#if NETGEN_BEFORE
        network.Fit(x, y, epochs: 1, batchSize: batchSize, shuffle: true, verbose: Verbosity.Silent);
#else
        network.Fit(x, y, epochs: 1, batchSize: batchSize, shuffle: true, verbose: Verbosity.Silent, threads: ThreadPolicy.Unchanged);
#endif

    /// <summary>A silent, shuffled Fit of several epochs with callbacks (the memory comparison's).</summary>
    public static History Fit(NetworkType network, Tensor x, Tensor y, int epochs, int batchSize, IEnumerable<Callback> callbacks) =>
#if NETGEN_BEFORE
        network.Fit(x, y, epochs: epochs, batchSize: batchSize, shuffle: true, callbacks: callbacks, verbose: Verbosity.Silent);
#else
        network.Fit(x, y, epochs: epochs, batchSize: batchSize, shuffle: true, callbacks: callbacks, verbose: Verbosity.Silent, threads: ThreadPolicy.Unchanged);
#endif

    /// <summary>Predict, leaving libtorch's thread count as the caller set it.</summary>
    public static Tensor Predict(NetworkType network, Tensor x, int batchSize) =>
#if NETGEN_BEFORE
        network.Predict(x, batchSize);
#else
        network.Predict(x, batchSize, threads: ThreadPolicy.Unchanged);
#endif

    /// <summary>Channels-last kernels and inputs (by hand on the old runtime, which had no option for it).</summary>
    public static void UseChannelsLast(NetworkType network) =>
#if NETGEN_BEFORE
        ChannelsLast.Apply((nn.Module)network);
#else
        network.UseChannelsLast();
#endif
}
