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

[Network]
[Input(4, Name = "query")]
[Input(6, Name = "context")]
public partial class Matcher
{
    [Concatenate("query", "context")] public partial Concatenate Joined { get; }
    [Output][Dense(4, Activation.ReLU)] public partial Linear Features { get; }
    [Output][Dense(1, Activation.Sigmoid)] public partial Linear Relevance { get; }
}

[Network(Loss = Loss.BinaryCrossentropy)]
[Input(4, Name = "question")]
[Input(6, Name = "passage")]
[Input(6, Name = "other")]
public partial class Reranker
{
    [SubNetwork("question", "passage", Output = nameof(Matcher.Features))] public partial Matcher Read { get; }
    [SubNetwork(nameof(Read), "other", Output = nameof(Matcher.Relevance), Shares = nameof(Read))] public partial Matcher Score { get; }
}
