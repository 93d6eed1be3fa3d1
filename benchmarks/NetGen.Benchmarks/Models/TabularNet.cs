using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The tabular network of the Fit and Predict benchmarks, as the breast-cancer sample declares it:
/// 30 features, two hidden layers of 12, one sigmoid output, binary cross-entropy, Adam.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy)]
[Input(30)]
public partial class TabularNet
{
    [Dense(12, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(12, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
}
