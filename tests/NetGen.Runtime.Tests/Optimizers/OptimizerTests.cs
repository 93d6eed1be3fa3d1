using System;
using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OptimizersSpecs;

/// <summary>Each optimizer description creates its TorchSharp optimizer with its hyperparameters.</summary>
public sealed class OptimizerTests
{
    public static TheoryData<NetGen.Optimizers.Optimizer, Type> Optimizers => new()
    {
        { new Sgd(learningRate: 0.05), typeof(SGD) },
        { new NetGen.Optimizers.Adam(learningRate: 0.05), typeof(TorchSharp.Modules.Adam) },
        { new NetGen.Optimizers.AdamW(learningRate: 0.05), typeof(TorchSharp.Modules.AdamW) },
        { new RmsProp(learningRate: 0.05), typeof(RMSProp) },
        { new NetGen.Optimizers.Adagrad(learningRate: 0.05), typeof(TorchSharp.Modules.Adagrad) },
        { new NetGen.Optimizers.Adadelta(learningRate: 0.05), typeof(TorchSharp.Modules.Adadelta) },
    };

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void CreatesTheTorchSharpOptimizer(NetGen.Optimizers.Optimizer description, Type expected)
    {
        using var model = new TinyNet();
        using var optimizer = description.Create(model.parameters());

        Assert.IsType(expected, optimizer);
        Assert.Equal(0.05, optimizer.ParamGroups.Single().LearningRate, 10);
    }

    [Theory]
    [MemberData(nameof(Optimizers))]
    public void EachOptimizerTrainsTheNetwork(NetGen.Optimizers.Optimizer description, Type expected)
    {
        _ = expected;
        using var model = new ScalarNet(description);
        // Loss (w * 1 - 0)^2 is minimised at w = 0; every optimizer moves w down from 1.
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 3, batchSize: 1, verbose: Verbosity.Silent);
        Assert.True(model.Weight < 1 && model.Weight > -0.5, $"w = {model.Weight}");
    }

    [Fact]
    public void SgdWithMomentumMatchesTheHandComputedSteps()
    {
        // Loss w^2 (x = 1, y = 0), gradient 2w, learning rate 0.1, momentum 0.9, from w = 1:
        // step 1: v = 2,             w = 1 - 0.1 * 2     = 0.8
        // step 2: v = 0.9 * 2 + 1.6, w = 0.8 - 0.1 * 3.4 = 0.46
        using var model = new ScalarNet(new Sgd(learningRate: 0.1, momentum: 0.9));
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 1, batchSize: 1, verbose: Verbosity.Silent);
        Assert.Equal(0.8, model.Weight, 6);
        // The optimizer (and its momentum buffer) survives across Fit calls.
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 1, batchSize: 1, verbose: Verbosity.Silent);
        Assert.Equal(0.46, model.Weight, 6);
    }

    [Fact]
    public void SgdWithNesterovMomentumMatchesTheHandComputedSteps()
    {
        // PyTorch's Nesterov: update g + momentum * v.
        // step 1: v = 2, update 2 + 0.9 * 2 = 3.8, w = 1 - 0.38 = 0.62
        // step 2: g = 1.24, v = 1.8 + 1.24 = 3.04, update 1.24 + 2.736 = 3.976, w = 0.62 - 0.3976 = 0.2224
        using var model = new ScalarNet(new Sgd(learningRate: 0.1, momentum: 0.9, nesterov: true));
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 2, batchSize: 1, verbose: Verbosity.Silent);
        Assert.Equal(0.2224, model.Weight, 5);
    }

    [Fact]
    public void PlainSgdStepsByTheLearningRateTimesTheGradient()
    {
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 2, batchSize: 1, verbose: Verbosity.Silent);
        // 1 -> 0.8 -> 0.64.
        Assert.Equal(0.64, model.Weight, 6);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void LearningRateMustBePositiveAndFinite(double learningRate)
    {
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.Adam(learningRate)).ParamName);
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(learningRate)).ParamName);
    }

    [Fact]
    public void InvalidHyperparametersAreRejected()
    {
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => new Sgd(nesterov: true)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(momentum: 1)).ParamName);
        Assert.Equal("momentum", Assert.Throws<ArgumentOutOfRangeException>(() => new Sgd(momentum: -0.1)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.Adam(beta1: 1)).ParamName);
        Assert.Equal("beta2", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.AdamW(beta2: 1.5)).ParamName);
        Assert.Equal("epsilon", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.Adam(epsilon: 0)).ParamName);
        Assert.Equal("weightDecay", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.AdamW(weightDecay: -1)).ParamName);
        Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp(rho: 1)).ParamName);
        Assert.Equal("rho", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.Adadelta(rho: -0.5)).ParamName);
        Assert.Equal("initialAccumulatorValue", Assert.Throws<ArgumentOutOfRangeException>(() => new NetGen.Optimizers.Adagrad(initialAccumulatorValue: -1)).ParamName);
    }

    [Fact]
    public void KerasDefaults()
    {
        Assert.Equal(0.01, new Sgd().LearningRate);
        var adam = new NetGen.Optimizers.Adam();
        Assert.Equal((0.001, 0.9, 0.999, 1e-7), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Epsilon));
        Assert.Equal(0.004, new NetGen.Optimizers.AdamW().WeightDecay);
        Assert.Equal(0.9, new RmsProp().Rho);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, typeof(NetGen.Optimizers.Adam), 0.001)]
    [InlineData(OptimizerKind.Sgd, typeof(Sgd), 0.01)]
    [InlineData(OptimizerKind.Adagrad, typeof(NetGen.Optimizers.Adagrad), 0.001)]
    [InlineData(OptimizerKind.Adadelta, typeof(NetGen.Optimizers.Adadelta), 0.001)]
    [InlineData(OptimizerKind.RmsProp, typeof(RmsProp), 0.001)]
    [InlineData(OptimizerKind.AdamW, typeof(NetGen.Optimizers.AdamW), 0.001)]
    public void FromKindGivesTheKerasDefaults(OptimizerKind kind, Type expected, double learningRate)
    {
        var optimizer = NetGen.Optimizers.Optimizer.FromKind(kind);
        Assert.IsType(expected, optimizer);
        Assert.Equal(learningRate, optimizer.LearningRate);
    }

    [Fact]
    public void EveryOptimizerKindIsKnown()
    {
        Assert.All(Enum.GetValues<OptimizerKind>(), kind => Assert.NotNull(NetGen.Optimizers.Optimizer.FromKind(kind)));
        Assert.Equal("99 is not a defined OptimizerKind value. (Parameter 'kind')", Assert.Throws<ArgumentException>(() => NetGen.Optimizers.Optimizer.FromKind((OptimizerKind)99)).Message);
    }

    [Fact]
    public void TheOptimizerLivesAcrossFitsUntilItOrTheTrainedParametersChange()
    {
        var (x, y) = ToyData.Separable(8, seed: 201);
        using var model = new TinyNet(new NetGen.Optimizers.Adam());
        var recorder = new Recorder();
        void Fit() => model.Fit(x, y, epochs: 1, callbacks: [recorder], verbose: Verbosity.Silent);

        Fit();
        var first = recorder.Optimizer;
        Fit();
        Assert.Same(first, recorder.Optimizer);

        // New metrics (or a new loss) keep the optimizer and its state.
        model.Compile(metrics: [Metric.Mae]);
        Fit();
        Assert.Same(first, recorder.Optimizer);

        // Freezing a layer: a fresh optimizer over what is still trained.
        model.Hidden.weight!.requires_grad = false;
        model.Hidden.bias!.requires_grad = false;
        var hidden = ToyData.Floats(model.Hidden.weight!);
        Fit();
        Assert.NotSame(first, recorder.Optimizer);
        Assert.Equal(2, recorder.Optimizer!.ParamGroups.OfType<ParamGroup>().Single().Parameters.Count());
        Assert.Equal(hidden, ToyData.Floats(model.Hidden.weight!));

        var beforeCompile = recorder.Optimizer;
        model.Compile(optimizer: new Sgd());
        Fit();
        Assert.IsType<SGD>(recorder.Optimizer);
        Assert.NotSame(beforeCompile, recorder.Optimizer);
    }

    [Fact]
    public void ANetworkWithEveryLayerFrozenCannotTrain()
    {
        var (x, y) = ToyData.Separable(4, seed: 202);
        using var model = new TinyNet();
        foreach (var parameter in model.parameters())
        {
            parameter.requires_grad = false;
        }

        var error = Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, verbose: Verbosity.Silent));
        Assert.Equal("TinyNet has no trainable parameters: every layer is frozen.", error.Message);
        Assert.True(double.IsFinite(model.Evaluate(x, y).Loss));
    }

    [Fact]
    public void KerasRhoIsTorchSharpsAlpha()
    {
        using var model = new TinyNet();
        using var optimizer = new RmsProp(learningRate: 0.01, rho: 0.8, momentum: 0.5).Create(model.parameters());
        var options = (TorchSharp.Modules.RMSProp.Options)((TorchSharp.Modules.RMSProp)optimizer).ParamGroups.Cast<TorchSharp.Modules.RMSProp.ParamGroup>().Single().Options;
        Assert.Equal((0.8, 0.5, 1e-7), (options.alpha!.Value, options.momentum!.Value, options.eps!.Value));
    }
}
