using System.Collections.Generic;
using System.Linq;
using NetGen.Samples.BreastCancer;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Tests;

/// <summary>The review's case: Tail reads the output, so it is built but not run, and the output stays Out.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(4)]
public partial class Dangling
{
    [Dense(3)] public partial Linear A { get; }

#pragma warning disable NG0011 // the unused layer is what this fixture tests
    [Dense(5, From = nameof(Out))] public partial Linear Tail { get; }
#pragma warning restore NG0011

    [Dense(2, From = nameof(A))] public partial Linear Out { get; }
}

/// <summary>A sequence with a variable length: batch normalization over the features of each step.</summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input("steps", 5)]
public partial class StepNet
{
    [Dense(3)] public partial Linear Project { get; }

    [BatchNormalization] public partial BatchNorm1d Norm { get; }
}

/// <summary>The generated class is an ordinary TorchSharp module, economical and hookable.</summary>
public sealed class GeneratedModuleTests
{
    [Fact]
    public void ForwardHooksOnLayersFire()
    {
        using var model = new CancerNet(device: null, seed: 1);
        var calls = new List<string>();
        model.Hidden1.register_forward_hook((module, input, output) => { calls.Add("Hidden1"); return output; });
        model.Output.register_forward_hook((module, input, output) => { calls.Add("Output"); return output; });
        using var input = ones(2, 30);

        using (no_grad())
        {
            using var output = model.forward(input);
        }

        Assert.Equal(new[] { "Hidden1", "Output" }, calls);
    }

    [Fact]
    public void ASingleInputNetworkIsAModuleOfTensorToTensorForSequential()
    {
        using var model = new CancerNet(device: null, seed: 1);
        using var sequential = nn.Sequential(("cancer", (nn.Module<Tensor, Tensor>)model), ("identity", nn.Identity()));
        using var input = ones(3, 30);

        using var output = sequential.call(input);
        using var direct = model.call(input);

        Assert.True(output.equal(direct).all().item<bool>());
        Assert.Equal(new[] { "cancer.Hidden1.weight", "cancer.Hidden1.bias", "cancer.Hidden2.weight", "cancer.Hidden2.bias", "cancer.Output.weight", "cancer.Output.bias" }, sequential.state_dict().Keys);
    }

    [Fact]
    public void AsASubModuleItsFieldsAreNotRegisteredTwice()
    {
        using var model = new CancerNet(device: null, seed: 1);
        using var parent = new Holder(model);

        Assert.Equal(6, parent.state_dict().Count);
        Assert.All(parent.state_dict().Keys, static key => Assert.StartsWith("Inner.", key));
        Assert.DoesNotContain(parent.state_dict().Keys, static key => key.Contains("_hidden1"));
    }

    [Fact]
    public void AnUnusedLayerIsNotRunButItsWeightsExist()
    {
        using var model = new Dangling(device: null, seed: 1);
        var tailCalls = 0;
        model.Tail.register_forward_hook((module, input, output) => { tailCalls++; return output; });
        using var input = ones(4, 4);

        using var output = model.forward(input);

        Assert.Equal(new long[] { 4, 2 }, output.shape);
        Assert.Equal(0, tailCalls);
        Assert.Equal(new NetGen.Shape(2), Dangling.OutputShape);
        Assert.Contains("Tail.weight", model.state_dict().Keys);
        Assert.Contains("Tail (Dense)", model.Summary());
    }

    [Fact]
    public void ForwardFreesItsIntermediates()
    {
        using var model = new CancerNet(device: null, seed: 1);
        using var input = ones(8, 30);
        using var noGrad = no_grad();
        using (var warmup = model.forward(input))
        {
        }

        var before = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        using var output = model.forward(input);
        var after = DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;

        // Only the output is left: no pre-activation, no hidden layer's output.
        Assert.Equal(1, after - before);
    }

    [Fact]
    public void ConstructorPlacesParametersAndSeedsTheirInitialization()
    {
        using var doubles = new CancerNet(device: CPU, dtype: ScalarType.Float64, seed: 7);
        using var first = new CancerNet(device: null, dtype: null, seed: 7);
        using var same = new CancerNet(device: null, dtype: null, seed: 7);
        using var other = new CancerNet(device: null, dtype: null, seed: 8);

        Assert.All(doubles.parameters(), static p => Assert.Equal(ScalarType.Float64, p.dtype));
        Assert.True(same.Hidden1.weight!.equal(first.Hidden1.weight!).all().item<bool>(), "the seed alone decides the values");
        Assert.False(same.Hidden1.weight!.equal(other.Hidden1.weight!).all().item<bool>());
        Assert.True(same.Hidden1.bias!.eq(0).all().item<bool>(), "Keras starts biases at zero");
        var limit = System.Math.Sqrt(6.0 / (30 + 12));
        Assert.True(same.Hidden1.weight!.abs().max().item<float>() <= limit, "Glorot uniform stays within its limit");
    }

    [Fact]
    public void TrainingRunsOnLogitsWhileForwardReturnsProbabilities()
    {
        using var model = new CancerNet(device: null, seed: 2);
        using var input = randn(new long[] { 5, 30 }, generator: new Generator(2));
        using var noGrad = no_grad();

        using var probabilities = model.forward(input);
        var logits = ((INetwork)model).RunLogits([input]).Single();

        Assert.Equal(Activation.Sigmoid, model.Description.Outputs[0].Activation);
        Assert.True(probabilities.allclose(nn.functional.sigmoid(logits)));
        Assert.True(logits.lt(0).any().item<bool>() || logits.gt(1).any().item<bool>(), "logits are not squashed into [0, 1]");
    }

    [Fact]
    public void BatchNormalizationOfASequenceNormalizesEachFeature()
    {
        using var model = new StepNet(device: null, seed: 4);
        model.train();
        using var input = randn(new long[] { 6, 9, 5 }, generator: new Generator(4));

        using var output = model.forward(input);

        // Keras: 5*3+3 for Dense, 4*3 for BatchNormalization over the 3 features.
        Assert.Equal(30, StepNet.ParameterCount);
        Assert.Equal(new long[] { 6, 9, 3 }, output.shape);
        using var featureMeans = output.mean(new long[] { 0, 1 });
        Assert.True(featureMeans.abs().max().item<float>() < 1e-4, "each feature has zero mean over batch and steps in training mode");
    }

    private sealed class Holder : nn.Module<Tensor, Tensor>
    {
        private readonly CancerNet _inner;

        public Holder(CancerNet inner) : base(nameof(Holder))
        {
            _inner = inner;
            register_module("Inner", _inner);
        }

        public override Tensor forward(Tensor input) => _inner.call(input);
    }
}
