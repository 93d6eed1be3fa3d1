using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.Benchmarks;

/// <summary>
/// The libtorch thread counts the CNN and autoencoder benchmarks compare: 1 and 2, or the comma-separated list in
/// <c>NETGEN_CNN_THREADS</c> (e.g. <c>NETGEN_CNN_THREADS=1</c> to skip the two-thread cases, which
/// BenchmarkDotNet's <c>--filter</c> cannot select); the benchmark processes inherit the variable.
/// </summary>
public static class CnnThreads
{
    public static IEnumerable<int> Values
    {
        get
        {
            var list = Environment.GetEnvironmentVariable("NETGEN_CNN_THREADS");
            return string.IsNullOrWhiteSpace(list)
                ? [1, 2]
                : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(static t => int.Parse(t, CultureInfo.InvariantCulture)).ToArray();
        }
    }
}
