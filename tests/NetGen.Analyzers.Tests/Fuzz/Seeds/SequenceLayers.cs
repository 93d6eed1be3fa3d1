using NetGen;
using TorchSharp.Modules;

namespace Shop.Text;

[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])]
[Input("steps", 8, Name = "frames")]
public partial class Reader
{
    [Dense(16, Activation.ReLU)] public partial Linear Encode { get; }
    [LayerNormalization] public partial LayerNorm Norm { get; }
    [MultiHeadAttention(2, 8, nameof(Norm), nameof(Norm), Dropout = 0.1)] public partial NetGen.Layers.MultiHeadAttention SelfAttention { get; }
    [Attention(nameof(SelfAttention), nameof(Norm), UseScale = true)] public partial NetGen.Layers.Attention Luong { get; }
    [AdditiveAttention(nameof(Luong), nameof(Norm))] public partial NetGen.Layers.AdditiveAttention Bahdanau { get; }
    [GlobalAveragePooling1D] public partial NetGen.Layers.GlobalAveragePooling1D Mean { get; }
    [GlobalMaxPooling1D(From = nameof(Bahdanau))] public partial NetGen.Layers.GlobalMaxPooling1D Max { get; }
    [Concatenate(nameof(Mean), nameof(Max))] public partial NetGen.Layers.Concatenate Pooled { get; }
    [Dense(1, Activation.Sigmoid)] public partial Linear Score { get; }
}

[Network(Loss = Loss.MeanSquaredError)]
[Input(6)]
public partial class Repeater
{
    [Dense(8, Activation.Tanh)] public partial Linear Encode { get; }
    [RepeatVector(4)] public partial NetGen.Layers.RepeatVector Steps { get; }
    [Attention(nameof(Steps), nameof(Steps), ScoreMode = ScoreMode.Concat)] public partial NetGen.Layers.Attention Mixed { get; }
    [Dense(3)] public partial Linear PerStep { get; }
}
