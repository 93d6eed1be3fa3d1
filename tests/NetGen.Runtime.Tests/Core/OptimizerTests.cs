using System;
using NetGen.Optimizers;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Core;

/// <summary>Optimizer descriptions create the right TorchSharp optimizer with their hyperparameters.</summary>
public sealed class OptimizerTests
{
    public static TheoryData<Optimizers.Optimizer, Type> Kinds() => new()
    {
        { new Sgd(), typeof(SGD) },
        { new Optimizers.Adam(), typeof(TorchSharp.Modules.Adam) },
        { new Optimizers.AdamW(), typeof(TorchSharp.Modules.AdamW) },
        { new RmsProp(), typeof(RMSProp) },
        { new Optimizers.Adagrad(), typeof(TorchSharp.Modules.Adagrad) },
        { new Optimizers.Adadelta(), typeof(TorchSharp.Modules.Adadelta) },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void CreatesTheTorchSharpOptimizer(Optimizers.Optimizer description, Type expected)
    {
        using var layer = nn.Linear(2, 1);

        using var optimizer = description.Create(layer.parameters());

        Assert.IsType(expected, optimizer);
    }

    [Fact]
    public void SgdWithMomentumFollowsTheUpdateRule()
    {
        // Minimise w^2 from w = 1 with lr 0.1 and momentum 0.9 (PyTorch's form):
        // v1 = g1 = 2;        w1 = 1 - 0.1 * 2 = 0.8
        // v2 = 0.9 * 2 + 1.6; w2 = 0.8 - 0.1 * 3.4 = 0.46
        using var w = new Parameter(tensor(new[] { 1f }));
        using var optimizer = new Sgd(learningRate: 0.1, momentum: 0.9).Create([w]);

        for (var step = 0; step < 2; step++)
        {
            optimizer.zero_grad();
            w.square().sum().backward();
            optimizer.step();
        }

        Assert.Equal(0.46f, w.item<float>(), 5);
    }

    [Fact]
    public void InvalidHyperparametersAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Optimizers.Adam(learningRate: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Optimizers.Adam(beta1: 1));
        Assert.Throws<ArgumentException>(() => new Sgd(nesterov: true));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(epsilon: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Optimizers.AdamW(weightDecay: -0.1));
    }
}
