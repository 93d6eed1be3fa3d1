using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>The benchmarked MLP as a NetGen user writes it; the generator supplies the module.</summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(30)]
public partial class GeneratedMlp
{
    [Dense(64, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(64, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}
