using System.Linq;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Moving a network with <c>Module.to</c> replaces every parameter; the optimizer, Fit and Predict
/// must follow. A CPU-only machine cannot move to another device, so a dtype move (which replaces
/// the parameters the same way) stands in for it.
/// </summary>
public sealed class DeviceTests
{
    [Fact]
    public void MovingToAnotherDtypeReplacesTheParametersAndTheOptimizerFollows()
    {
        var (x, y) = ToyData.Separable(16, seed: 61);
        using var model = new TinyNet(new Adam(learningRate: 0.05));
        var recorder = new Recorder();
        model.Fit(x, y, epochs: 1, batchSize: 8, callbacks: [recorder], verbose: Verbosity.Silent);
        var firstOptimizer = recorder.Optimizer;
        var before = model.parameters().ToArray();

        model.to(ScalarType.Float64);

        var moved = model.parameters().ToArray();
        Assert.All(moved.Zip(before), pair => Assert.NotSame(pair.Second, pair.First));
        Assert.All(moved, parameter => Assert.Equal(ScalarType.Float64, parameter.dtype));
        var movedWeights = ToyData.Floats(model.Output.weight!);

        // Float32 data feeds the float64 network; a fresh optimizer steps the new parameters.
        var history = model.Fit(x, y, epochs: 1, batchSize: 8, callbacks: [recorder], verbose: Verbosity.Silent);

        Assert.NotSame(firstOptimizer, recorder.Optimizer);
        var stepped = recorder.Optimizer!.ParamGroups.OfType<TorchSharp.Modules.ParamGroup>().SelectMany(static group => group.Parameters).ToArray();
        Assert.Equal(moved.Length, stepped.Length);
        Assert.All(stepped, parameter => Assert.Contains(moved, candidate => ReferenceEquals(candidate, parameter)));
        Assert.NotEqual(movedWeights, ToyData.Floats(model.Output.weight!));
        Assert.True(double.IsFinite(history["loss"][0]));
        using var predictions = model.Predict(x);
        Assert.Equal(ScalarType.Float64, predictions.dtype);
    }

    [Fact]
    public void AfterADtypeMoveTrainingContinuesFromTheMovedWeights()
    {
        // Loss w^2, learning rate 0.1: 1 -> 0.8 in float32, then 0.8 -> 0.64 in float64. An optimizer
        // kept from the first Fit would step the float32 tensors the move left behind.
        using var model = new ScalarNet(new Sgd(learningRate: 0.1));
        model.Fit(ones(1, 1), zeros(1, 1), epochs: 1, batchSize: 1, verbose: Verbosity.Silent);
        model.to(ScalarType.Float64);

        model.Fit(ones(1, 1), zeros(1, 1), epochs: 1, batchSize: 1, verbose: Verbosity.Silent);

        var weight = model.parameters().Single();
        Assert.Equal(ScalarType.Float64, weight.dtype);
        Assert.Equal(0.64, weight.item<double>(), 6);
    }

    [Fact]
    public void WithoutAMoveTheOptimizerAndItsStateCarryOver()
    {
        var (x, y) = ToyData.Separable(16, seed: 62);
        using var model = new TinyNet(new Adam(learningRate: 0.05));
        var recorder = new Recorder();
        model.Fit(x, y, epochs: 1, callbacks: [recorder], verbose: Verbosity.Silent);
        var first = recorder.Optimizer;

        // On this machine the default device is where the network already is.
        Assert.Same(model, model.ToDefaultDevice());
        Assert.Equal(NetGen.Devices.Default.type, model.Device.type);
        model.Fit(x, y, epochs: 1, callbacks: [recorder], verbose: Verbosity.Silent);

        Assert.Same(first, recorder.Optimizer);
    }
}
