using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// An MNIST-sized classifier, 784-512-512-10 with a softmax output and sparse categorical
/// cross-entropy: the large end of the thread-policy measurements (669,706 parameters).
/// </summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(784)]
public partial class WideNet
{
    [Dense(512, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(512, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}
