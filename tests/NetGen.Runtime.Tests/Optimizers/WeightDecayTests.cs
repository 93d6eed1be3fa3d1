using System;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OptimizersSpecs;

/// <summary>
/// Weight decay is decoupled on every optimizer, as in Keras 3: each step first shrinks every
/// trained weight by learningRate * weightDecay * w, then applies the optimizer's update of the
/// gradient (taken before the shrink). AdamW's own decay is the same and is not applied twice.
/// </summary>
public sealed class WeightDecayTests
{
    // ScalarNet: loss (w * 1 - 0)^2 from w = 1, so the gradient is 2w.
    private static double OneStep(Optimizer optimizer, Callback? callback = null)
    {
        using var model = new ScalarNet(optimizer);
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 1, batchSize: 1, callbacks: callback is null ? null : [callback], verbose: Verbosity.Silent);
        return model.Weight;
    }

    [Fact]
    public void SgdShrinksTheWeightThenStepsTheGradient()
    {
        // 1 - 0.1 * 0.5 * 1 - 0.1 * 2 = 0.75 (without decay 0.8; decayed twice 0.7025).
        Assert.Equal(0.75, OneStep(new Sgd(learningRate: 0.1, weightDecay: 0.5)), 6);
    }

    [Fact]
    public void AdamDecayIsDecoupledFromTheMomentEstimates()
    {
        // Step 1: m^ = 2, v^ = 4, so the Adam update is lr * 2 / (2 + 1e-7) whatever the decay;
        // PyTorch's coupled L2 would put the decay into the gradient (2.5) and give 1 - 0.1 = 0.9.
        const double Lr = 0.1, Decay = 0.5, Epsilon = 1e-7;
        var expected = 1 - (Lr * Decay) - (Lr * 2 / (2 + Epsilon));

        Assert.Equal(expected, OneStep(new Adam(learningRate: Lr, weightDecay: Decay)), 6);
    }

    [Fact]
    public void AdamDecaysFromTheCurrentWeightEveryStep()
    {
        const double Lr = 0.1, Decay = 0.5, Beta1 = 0.9, Beta2 = 0.999, Epsilon = 1e-7;
        double w = 1, m = 0, v = 0;
        for (var t = 1; t <= 3; t++)
        {
            var g = 2 * w;
            m = (Beta1 * m) + ((1 - Beta1) * g);
            v = (Beta2 * v) + ((1 - Beta2) * g * g);
            var update = Lr * (m / (1 - Math.Pow(Beta1, t))) / (Math.Sqrt(v / (1 - Math.Pow(Beta2, t))) + Epsilon);
            w = w - (Lr * Decay * w) - update;
        }

        using var model = new ScalarNet(new Adam(learningRate: Lr, weightDecay: Decay));
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 3, batchSize: 1, verbose: Verbosity.Silent);

        Assert.Equal(w, model.Weight, 5);
    }

    [Fact]
    public void AdamWDecaysOnceExactlyAsAdamWithWeightDecay()
    {
        var adamW = OneStep(new AdamW(learningRate: 0.1, weightDecay: 0.5));

        Assert.Equal(OneStep(new Adam(learningRate: 0.1, weightDecay: 0.5)), adamW, 6);
        // Decayed twice it would be 1 - 0.05 - 0.0475 - 0.1.
        Assert.Equal(1 - 0.05 - (0.1 * 2 / (2 + 1e-7)), adamW, 6);
    }

    [Fact]
    public void RmsPropAndAdagradDecayToo()
    {
        // RMSprop: v = 0.1 * 4, update 0.1 * 2 / (sqrt(0.4) + 1e-7). Adagrad: accumulator 0.1 + 4.
        Assert.Equal(1 - 0.05 - (0.1 * 2 / (Math.Sqrt(0.4) + 1e-7)), OneStep(new RmsProp(learningRate: 0.1, weightDecay: 0.5)), 5);
        Assert.Equal(1 - 0.05 - (0.1 * 2 / (Math.Sqrt(4.1) + 1e-7)), OneStep(new Adagrad(learningRate: 0.1, weightDecay: 0.5)), 5);
    }

    [Fact]
    public void TheDecayFollowsTheCurrentLearningRate()
    {
        // A schedule set the rate to 0.2 before the first step: 1 - 0.2 * 0.5 - 0.2 * 2 = 0.5.
        Assert.Equal(0.5, OneStep(new Sgd(learningRate: 0.1, weightDecay: 0.5), new SetLearningRate(0.2)), 6);
    }

    [Fact]
    public void FrozenWeightsAreNotDecayed()
    {
        var (x, y) = ToyData.Separable(8, seed: 111);
        using var model = new TinyNet(new Sgd(learningRate: 0.1, weightDecay: 0.5));
        model.Hidden.weight!.requires_grad = false;
        model.Hidden.bias!.requires_grad = false;
        var hidden = ToyData.Floats(model.Hidden.weight!);
        var output = ToyData.Floats(model.Output.weight!);

        model.Fit(x, y, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        Assert.Equal(hidden, ToyData.Floats(model.Hidden.weight!));
        Assert.NotEqual(output, ToyData.Floats(model.Output.weight!));
    }

    [Fact]
    public void WithoutWeightDecayNothingShrinks()
    {
        using var model = new TinyNet(new Sgd(learningRate: 0.1));
        var before = ToyData.Floats(model.Output.weight!);
        using var optimizer = model.CompileOptions.Optimizer.Create(model.parameters());

        model.CompileOptions.Optimizer.DecayWeights(optimizer);

        Assert.Equal(before, ToyData.Floats(model.Output.weight!));
        Assert.Equal(0, new Adam().WeightDecay);
    }

    private sealed class SetLearningRate(double rate) : Callback
    {
        public override void OnTrainBegin(TrainingContext context) => context.LearningRate = rate;
    }
}
