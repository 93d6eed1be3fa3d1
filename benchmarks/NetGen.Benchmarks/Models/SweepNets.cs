using NetGen;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

// The thread-policy sweep's networks: WideNet's shape (784 inputs, two ReLU layers, a softmax
// over 10 classes) at narrower widths, so the work per step grows in steps of about 2x between
// the tabular network and WideNet. Declared together because they differ only in one number.

/// <summary>784-32-32-10: 26,506 parameters.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(784)]
public partial class Mlp784x32
{
    [Dense(32, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(32, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}

/// <summary>784-64-64-10: 55,050 parameters.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(784)]
public partial class Mlp784x64
{
    [Dense(64, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(64, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}

/// <summary>784-128-128-10: 118,282 parameters.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(784)]
public partial class Mlp784x128
{
    [Dense(128, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(128, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}

/// <summary>784-256-256-10: 269,322 parameters.</summary>
[Network(Loss = Loss.SparseCategoricalCrossentropy)]
[Input(784)]
public partial class Mlp784x256
{
    [Dense(256, Activation.ReLU)] public partial Linear Hidden1 { get; }

    [Dense(256, Activation.ReLU)] public partial Linear Hidden2 { get; }

    [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
}
