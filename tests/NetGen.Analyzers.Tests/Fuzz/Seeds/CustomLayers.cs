using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

public sealed class Gate : nn.Module<Tensor, Tensor>
{
    private readonly Linear _gate;

    public Gate() : this(4) { }

    public Gate(long features) : base(nameof(Gate))
    {
        _gate = nn.Linear(features, features);
        RegisterComponents();
    }

    public static long[] ComputeOutputShape(long[] inputShape) => inputShape;

    public override Tensor forward(Tensor input) => input * sigmoid(_gate.call(input));
}

[Network]
[Input(6)]
public partial class GatedCoder
{
    [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
    [CustomLayer(OutputShape = [4])] public partial Gate Gated { get; }
    [CustomLayer(Factory = nameof(CreateGate))] public partial Gate Sized { get; }
    [Reshape(4)] public partial NetGen.Layers.Reshape Known { get; }
    [Dense(2)] public partial Linear Mean { get; }
    [Dense(2, From = nameof(Known))] public partial Linear LogVariance { get; }
    [Lambda(OutputShape = [2])] private static Tensor Sample([Shape(2)] Tensor mean, [Shape(-1)] Tensor logVariance) => mean + exp(0.5 * logVariance);
    [Dense(6, Activation.Sigmoid)] public partial Linear Decoded { get; }
    [LossTerm("kl_loss")] private static Tensor Kl([Shape(2)] Tensor mean, [Shape(2)] Tensor logVariance) => (-0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum(1)).mean();

    private static Gate CreateGate(long[] inputShape) => new(inputShape[^1]);
}
