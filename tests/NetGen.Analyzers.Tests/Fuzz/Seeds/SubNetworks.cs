using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace Lab.Composition;

[Network]
[Input(784)]
public partial class Encoder
{
    [Dense(256, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(64, Activation.ReLU)] public partial Linear Code { get; }
}

[Network(Loss = Loss.BinaryCrossentropy)]
[Input(64)]
public partial class Decoder
{
    [Dense(256, Activation.ReLU)] public partial Linear Hidden { get; }
    [Dense(784, Activation.Sigmoid)] public partial Linear Pixels { get; }
}

[Network(Loss = Loss.BinaryCrossentropy)]
[Input(784)]
public partial class Autoencoder
{
    [SubNetwork] public partial Encoder Encode { get; }
    [SubNetwork] public partial Decoder Decode { get; }
}

[Network]
[Input(8)]
public partial class Heads
{
    [Dense(16, Activation.ReLU)] public partial Linear Hidden { get; }
    [Output][Dense(2)] public partial Linear Mean { get; }
    [Output][Dense(2, From = nameof(Hidden))] public partial Linear LogVariance { get; }
}

[Network(Loss = Loss.MeanSquaredError)]
[Input(8, Name = "left")]
[Input(8, Name = "right")]
public partial class Siamese
{
    [SubNetwork(From = "left", Output = nameof(Heads.Mean))] public partial Heads Left { get; }
    [SubNetwork(From = "right", Output = nameof(Heads.Mean), Shares = nameof(Left))] public partial Heads Right { get; }
    [Concatenate(nameof(Left), nameof(Right))] public partial Concatenate Joined { get; }
    [Dense(1)] public partial Linear Distance { get; }
}
