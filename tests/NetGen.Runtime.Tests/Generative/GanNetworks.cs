using System.Collections.Generic;
using NetGen.Generative;
using NetGen.Optimizers;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Generative;

// Hand-written generators and discriminators, written as the generator writes networks (modules
// under member names, a description, ForwardLogits for a sigmoid output), small enough to train
// a GAN on a one-dimensional distribution in a second.

/// <summary>latent (4) -> Dense(16, leaky ReLU) -> Dense(outputs): a generator of <paramref name="outputs"/> values.</summary>
public sealed class ToyGenerator : Network<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _output;

    public ToyGenerator(int outputs = 1, Optimizer? optimizer = null, int latent = 4, Shape? outputShape = null)
        : base(nameof(ToyGenerator), Describe(latent, outputs, outputShape), () => new CompileOptions(optimizer ?? new Adam(1e-3, beta1: 0.5), [new OutputOptions("Output", null)]))
    {
        _hidden = nn.Linear(latent, 16);
        register_module("Hidden", _hidden);
        _output = nn.Linear(16, outputs);
        register_module("Output", _output);
        OutputShape = outputShape ?? new Shape(outputs);
    }

    public Shape OutputShape { get; }

    public override Tensor forward(Tensor input)
    {
        var flat = _output.call(nn.functional.leaky_relu(_hidden.call(input), 0.2));
        return OutputShape.Rank == 1 ? flat : flat.reshape([input.size(0), .. ToLongs(OutputShape)]);
    }

    private static long[] ToLongs(Shape shape)
    {
        var sizes = new long[shape.Rank];
        for (var i = 0; i < sizes.Length; i++)
        {
            sizes[i] = shape[i].Size!.Value;
        }

        return sizes;
    }

    private static NetworkDescription Describe(int latent, int outputs, Shape? outputShape) => new(
        nameof(ToyGenerator),
        [new InputDescription("input", ElementType.Float32, new Shape(latent))],
        [
            new LayerDescription("Hidden", "Dense", new Shape(16), (latent * 16) + 16, (latent * 16) + 16, ["input"]),
            new LayerDescription("Output", "Dense", outputShape ?? new Shape(outputs), (16 * outputs) + outputs, (16 * outputs) + outputs, ["Hidden"]),
        ],
        [new OutputDescription("Output", outputShape ?? new Shape(outputs), Activation.Linear)]);
}

/// <summary>
/// inputs -> Dense(16, leaky ReLU) -> Dense(1, <paramref name="activation"/>) with
/// <paramref name="loss"/> (binary cross-entropy from the logits by default): a discriminator, or a
/// WGAN critic with a linear output and no loss.
/// </summary>
public sealed class ToyDiscriminator : Network<Tensor, Tensor>
{
    private readonly TorchSharp.Modules.Linear _hidden;
    private readonly TorchSharp.Modules.Linear _output;
    private readonly Activation _activation;

    public ToyDiscriminator(int inputs = 1, Optimizer? optimizer = null, Activation activation = Activation.Sigmoid, NetGen.Losses.LossFunction? loss = null, bool noLoss = false, Shape? inputShape = null)
        : base(nameof(ToyDiscriminator), Describe(inputs, activation, inputShape), () => new CompileOptions(optimizer ?? new Adam(1e-3, beta1: 0.5), [new OutputOptions("Output", noLoss ? null : loss ?? Loss.BinaryCrossentropy)]))
    {
        _activation = activation;
        _hidden = nn.Linear(inputs, 16);
        register_module("Hidden", _hidden);
        _output = nn.Linear(16, 1);
        register_module("Output", _output);
    }

    public TorchSharp.Modules.Linear Hidden => _hidden;

    public override Tensor forward(Tensor input)
    {
        var logits = Logits(input);
        return _activation == Activation.Sigmoid ? nn.functional.sigmoid(logits) : logits;
    }

    protected override Tensor[] ForwardLogits(IReadOnlyList<Tensor> inputs) => [Logits(inputs[0])];

    private Tensor Logits(Tensor input) => _output.call(nn.functional.leaky_relu(_hidden.call(input.flatten(1)), 0.2));

    private static NetworkDescription Describe(int inputs, Activation activation, Shape? inputShape) => new(
        nameof(ToyDiscriminator),
        [new InputDescription("input", ElementType.Float32, inputShape ?? new Shape(inputs))],
        [
            new LayerDescription("Hidden", "Dense", new Shape(16), (inputs * 16) + 16, (inputs * 16) + 16, ["input"]),
            new LayerDescription("Output", "Dense", new Shape(1), 17, 17, ["Hidden"]),
        ],
        [new OutputDescription("Output", new Shape(1), activation)]);
}

/// <summary>A discriminator with two outputs, which a GAN refuses.</summary>
public sealed class TwoOutputDiscriminator : Network<Tensor, TwoOutputDiscriminator.Outputs>
{
    private readonly TorchSharp.Modules.Linear _a;
    private readonly TorchSharp.Modules.Linear _b;

    public TwoOutputDiscriminator()
        : base(nameof(TwoOutputDiscriminator), new NetworkDescription(
            nameof(TwoOutputDiscriminator),
            [new InputDescription("input", ElementType.Float32, new Shape(1))],
            [new LayerDescription("A", "Dense", new Shape(1), 2, 2, ["input"]), new LayerDescription("B", "Dense", new Shape(1), 2, 2, ["input"])],
            [new OutputDescription("A", new Shape(1), Activation.Linear), new OutputDescription("B", new Shape(1), Activation.Linear)]),
            () => new CompileOptions(new Adam(), [new OutputOptions("A", null), new OutputOptions("B", null)]))
    {
        _a = nn.Linear(1, 1);
        register_module("A", _a);
        _b = nn.Linear(1, 1);
        register_module("B", _b);
    }

    public override Outputs forward(Tensor input) => new(_a.call(input), _b.call(input));

    public sealed record Outputs(Tensor A, Tensor B) : INetworkOutputs
    {
        public Tensor[] ToArray() => [A, B];
    }
}

/// <summary>The GAN of the tests: a generator and a discriminator of one value each (or as given).</summary>
public class ToyGan(ToyGenerator generator, ToyDiscriminator discriminator) : Gan<ToyGenerator, ToyDiscriminator>(generator, discriminator)
{
    public ToyGan()
        : this(new ToyGenerator(), new ToyDiscriminator())
    {
    }
}
