using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Transfer;

/// <summary>Freezing layers by their modules and names: what training, the optimizer and the summary then see.</summary>
public sealed class FreezingTests
{
    [Fact]
    public void FreezingALayerTurnsOffItsGradientsAndUnfreezingTurnsThemOn()
    {
        using var model = new TinyNet();

        model.Freeze(model.Hidden);

        Assert.All(model.Hidden.parameters(), static p => Assert.False(p.requires_grad));
        Assert.All(model.Output.parameters(), static p => Assert.True(p.requires_grad));
        Assert.False(model.GetLayer(model.Hidden).Trainable);
        Assert.False(model.GetLayer("Hidden").Trainable);
        Assert.Equal(0, model.GetLayer("Hidden").TrainableParameterCount);
        Assert.Equal("Hidden (Dense, frozen)", model.GetLayer("Hidden").ToString());

        model.GetLayer("Hidden").Trainable = true;

        Assert.All(model.Hidden.parameters(), static p => Assert.True(p.requires_grad));
        Assert.True(model.GetLayer(model.Hidden).Trainable);
        Assert.Equal(40, model.GetLayer("Hidden").TrainableParameterCount);
    }

    [Fact]
    public void TheSummaryCountsFollowWhatIsFrozen()
    {
        using var model = new TinyNet();

        model.Freeze(model.Hidden);
        Assert.Contains("Trainable params: 9\n", model.Summary());
        Assert.Contains("Non-trainable params: 40\n", model.Summary());

        model.FreezeAll();
        Assert.Contains("Trainable params: 0\n", model.Summary());

        model.UnfreezeAll();
        Assert.Contains("Trainable params: 49\n", model.Summary());
    }

    [Fact]
    public void FitLeavesAFrozenLayerBitIdenticalDespiteMomentumAndWeightDecay()
    {
        var (x, y) = ToyData.Separable(16, seed: 301);
        using var model = new TinyNet(new Sgd(learningRate: 0.1, momentum: 0.9, weightDecay: 0.1));

        // A first Fit gives every parameter a momentum buffer: kept after freezing, it would move Hidden.
        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: Verbosity.Silent);
        model.Freeze(model.Hidden);
        var hidden = ToyData.State(model.Hidden);
        var output = ToyData.Floats(model.Output.weight!);

        model.Fit(x, y, epochs: 2, batchSize: 4, verbose: Verbosity.Silent);

        Assert.True(ToyData.SameState(hidden, ToyData.State(model.Hidden)));
        Assert.NotEqual(output, ToyData.Floats(model.Output.weight!));

        // Unfrozen, it trains again.
        model.Unfreeze(model.Hidden);
        model.Fit(x, y, epochs: 1, batchSize: 4, verbose: Verbosity.Silent);
        Assert.False(ToyData.SameState(hidden, ToyData.State(model.Hidden)));
    }

    [Fact]
    public void TheNewOptimizerHoldsOnlyTrainableParametersAndKeepsTheirState()
    {
        var (x, y) = ToyData.Separable(16, seed: 302);
        using var model = new TinyNet(new NetGen.Optimizers.Adam(learningRate: 0.01));
        var states = new StateProbe();

        model.Fit(x, y, epochs: 1, batchSize: 4, callbacks: [states], verbose: Verbosity.Silent);
        var trained = states.AtEnd!;
        var outputBefore = trained[model.Output.weight!];
        model.Freeze(model.Hidden);
        model.Fit(x, y, epochs: 1, batchSize: 4, callbacks: [states], verbose: Verbosity.Silent);

        // Only Output's weight and bias, whose moment estimates and step count carried over.
        var begun = states.AtBegin!;
        Assert.Equal(2, begun.Count);
        Assert.Equal(model.Output.parameters().Select(static p => p.Handle), begun.Keys.Select(static p => p.Handle));
        var outputAfter = begun.Single(pair => ReferenceEquals(pair.Key, model.Output.weight)).Value;
        Assert.Equal(4, outputAfter.Step);
        Assert.Equal(outputBefore.Step, outputAfter.Step);
        Assert.Equal(outputBefore.ExpAvg, outputAfter.ExpAvg);

        // Unfrozen, Hidden is in the optimizer again, from a fresh state.
        model.Unfreeze(model.Hidden);
        model.Fit(x, y, epochs: 1, batchSize: 4, callbacks: [states], verbose: Verbosity.Silent);
        Assert.Equal(4, states.AtBegin!.Count);
        Assert.Equal(0, states.AtBegin!.Single(pair => ReferenceEquals(pair.Key, model.Hidden.weight)).Value.Step);
        Assert.Equal(8, states.AtBegin!.Single(pair => ReferenceEquals(pair.Key, model.Output.weight)).Value.Step);
    }

    [Fact]
    public void TheLearningRateAScheduleSetCarriesOverToTheNewOptimizer()
    {
        var (x, y) = ToyData.Separable(8, seed: 303);
        using var model = new TinyNet(new Sgd(learningRate: 0.1));
        var recorder = new Recorder();
        model.Fit(x, y, epochs: 1, callbacks: [new LearningRateScheduler(static (epoch, rate) => 0.025)], verbose: Verbosity.Silent);

        model.Freeze(model.Hidden);
        model.Fit(x, y, epochs: 1, callbacks: [recorder], verbose: Verbosity.Silent);

        Assert.Equal(0.025, recorder.Optimizer!.ParamGroups.Single().LearningRate, 12);
    }

    [Fact]
    public void WhatIsTrainableCannotChangeWhileFitRuns()
    {
        var (x, y) = ToyData.Separable(8, seed: 304);
        using var model = new TinyNet();
        var hidden = ToyData.State(model.Hidden);

        var error = Assert.Throws<InvalidOperationException>(() =>
            model.Fit(x, y, epochs: 3, callbacks: [new FreezeAtEpochEnd(model)], verbose: Verbosity.Silent));

        Assert.Equal("TinyNet is being trained: freeze or unfreeze layers before Fit or after it returns, not from a callback or another thread while it runs.", error.Message);
        Assert.True(model.GetLayer(model.Hidden).Trainable);
        Assert.All(model.Hidden.parameters(), static p => Assert.True(p.requires_grad));
        Assert.False(ToyData.SameState(hidden, ToyData.State(model.Hidden)));

        // Once Fit has returned, freezing works.
        model.Freeze(model.Hidden);
        Assert.False(model.GetLayer(model.Hidden).Trainable);
    }

    [Fact]
    public void UnknownLayersAndGroupsAreReportedWithTheKnownOnes()
    {
        using var model = new TinyNet();
        using var stranger = nn.Linear(4, 8);

        var byName = Assert.Throws<ArgumentException>(() => model.GetLayer("Hiden"));
        var byModule = Assert.Throws<ArgumentException>(() => model.Freeze(stranger));
        var byGroup = Assert.Throws<ArgumentException>(() => model.Freeze("features"));
        var layerAsGroup = Assert.Throws<ArgumentException>(() => model.Unfreeze("Hidden"));

        Assert.StartsWith("TinyNet has no layer 'Hiden'; its layers are 'Hidden', 'Output'.", byName.Message);
        Assert.StartsWith("The Linear given is not a layer of TinyNet (its layers are 'Hidden', 'Output'); pass one of its layer properties, such as network.Hidden.", byModule.Message);
        Assert.StartsWith("TinyNet has no layer group 'features'; it declares no groups (Group = \"...\" on the layer attributes).", byGroup.Message);
        Assert.StartsWith("TinyNet has no layer group 'Hidden'; it declares no groups (Group = \"...\" on the layer attributes). 'Hidden' is a layer: freeze it with Freeze(network.Hidden) or GetLayer(\"Hidden\").Trainable = false.", layerAsGroup.Message);
        Assert.Empty(model.Groups());
        Assert.All(model.parameters(), static p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void FreezingEverythingLeavesFitNothingToTrain()
    {
        var (x, y) = ToyData.Separable(4, seed: 305);
        using var model = new TinyNet();
        model.FreezeAll();

        var error = Assert.Throws<InvalidOperationException>(() => model.Fit(x, y, verbose: Verbosity.Silent));

        Assert.Equal("TinyNet has no trainable parameters: every layer is frozen.", error.Message);
        Assert.All(model.GetLayers(), static layer => Assert.False(layer.Trainable));
    }

    [Fact]
    public void MovingTheNetworkKeepsWhatIsFrozen()
    {
        using var model = new TinyNet();
        model.Freeze(model.Hidden);

        model.to(ScalarType.Float64);

        Assert.All(model.Hidden.parameters(), static p => Assert.False(p.requires_grad));
        Assert.All(model.Output.parameters(), static p => Assert.True(p.requires_grad));
    }

    /// <summary>Adam's per-parameter state at the start and end of a Fit, copied.</summary>
    private sealed class StateProbe : Callback
    {
        public Dictionary<Parameter, (long Step, float[] ExpAvg)>? AtBegin { get; private set; }

        public Dictionary<Parameter, (long Step, float[] ExpAvg)>? AtEnd { get; private set; }

        public override void OnTrainBegin(TrainingContext context) => AtBegin = Read(context);

        public override void OnTrainEnd(TrainingContext context) => AtEnd = Read(context);

        private static Dictionary<Parameter, (long, float[])> Read(TrainingContext context)
        {
            var optimizer = (TorchSharp.Modules.Adam)context.Optimizer;
            var parameters = optimizer.ParamGroups.OfType<ParamGroup>().SelectMany(static g => g.Parameters).ToList();
            var states = optimizer.state_dict().State.Cast<TorchSharp.Modules.Adam.State>().ToList();
            return parameters.Zip(states).ToDictionary(
                static pair => pair.First,
                static pair => (pair.Second.step, ToyData.Floats(pair.Second.exp_avg)),
                (IEqualityComparer<Parameter>)ReferenceEqualityComparer.Instance);
        }
    }

    private sealed class FreezeAtEpochEnd(TinyNet model) : Callback
    {
        public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) => model.Freeze(model.Hidden);
    }
}
