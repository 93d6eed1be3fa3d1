#if !NETGEN_BEFORE
using System;
using System.Globalization;
using NetGen.Benchmarks.Data;
using NetGen.Benchmarks.Models;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// One point of the thread-policy measurements: a network and a batch size, whose work per step
/// is what <see cref="NetGen.Training.ThreadPolicy.Auto"/> decides by (samples per batch times
/// trainable parameters).
/// </summary>
public sealed record ThreadCase(string Network, int BatchSize) : IComparable
{
    /// <summary>Trainable parameters of <see cref="Network"/>.</summary>
    public long Parameters => Network switch
    {
        "30-12-12-1" => TabularNet.TrainableParameterCount,
        "784-32-32-10" => Mlp784x32.TrainableParameterCount,
        "784-64-64-10" => Mlp784x64.TrainableParameterCount,
        "784-128-128-10" => Mlp784x128.TrainableParameterCount,
        "784-256-256-10" => Mlp784x256.TrainableParameterCount,
        "784-512-512-10" => WideNet.TrainableParameterCount,
        _ => throw new ArgumentException($"Unknown network {Network}."),
    };

    /// <summary>Samples per batch times trainable parameters.</summary>
    public long Work => BatchSize * Parameters;

    /// <summary>A fresh network of this case, seeded.</summary>
    public INetwork CreateNetwork() => Network switch
    {
        "30-12-12-1" => new TabularNet(device: null, seed: 42),
        "784-32-32-10" => new Mlp784x32(device: null, seed: 42),
        "784-64-64-10" => new Mlp784x64(device: null, seed: 42),
        "784-128-128-10" => new Mlp784x128(device: null, seed: 42),
        "784-256-256-10" => new Mlp784x256(device: null, seed: 42),
        "784-512-512-10" => new WideNet(device: null, seed: 42),
        _ => throw new ArgumentException($"Unknown network {Network}."),
    };

    /// <summary>The epoch's samples: 455 tabular rows, or 1,024 784-feature rows.</summary>
    public (Tensor X, Tensor Y) CreateData() => Network == "30-12-12-1" ? RandomData.Tabular() : RandomData.Images();

    // BenchmarkDotNet orders parameter values that are IComparable: by work, smallest first.
    public int CompareTo(object? obj) => obj is ThreadCase other ? Work.CompareTo(other.Work) : 1;

    // BenchmarkDotNet shows this in the parameter column; the work is in millions of multiply-adds.
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Network} b{BatchSize} ({Work / 1e6:0.###}M)");
}
#endif
