using NetGen;
using TorchSharp.Modules;

namespace Lab;

public static partial class Experiments
{
    [Network(Loss = Loss.BinaryCrossentropy)]
    [Input(2)]
    internal partial class Xor
    {
        [Dense(4, Activation.Tanh)] public partial Linear Hidden { get; }
        [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
    }
}
