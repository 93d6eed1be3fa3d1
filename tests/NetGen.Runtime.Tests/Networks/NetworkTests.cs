using System;
using System.Collections.Generic;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.NetworksSpecs;

/// <summary>
/// What the base classes promise every generated network: the module's call (hooks fire),
/// descriptions that agree with the base class, lazily created compile options that Compile can
/// replace, and clear errors when a network breaks the contract.
/// </summary>
public sealed class NetworkTests
{
    [Fact]
    public void InferenceGoesThroughCallSoModuleHooksFire()
    {
        var (x, y) = ToyData.Separable(10, seed: 191);
        using var model = new NormalizedNet();
        var calls = 0;
        model.register_forward_hook((_, _, output) =>
        {
            calls++;
            return output;
        });

        model.Predict(x, batchSize: 4);
        Assert.Equal(3, calls);
        model.Evaluate(x, y, batchSize: 5);
        Assert.Equal(5, calls);
        model.Fit(x, y, epochs: 1, batchSize: 10, verbose: Verbosity.Silent);
        Assert.Equal(6, calls);
    }

    [Fact]
    public void TheDeclaredCompileOptionsAreCreatedOnceWhenFirstNeeded()
    {
        var created = 0;
        using var model = new Declared(() =>
        {
            created++;
            return new CompileOptions(new Sgd(), [new OutputOptions("Output", Loss.MeanSquaredError)]);
        });

        Assert.Equal(0, created);
        Assert.Same(model.CompileOptions, model.CompileOptions);
        Assert.Equal(1, created);
    }

    [Fact]
    public void CompileReplacesADeclarationWhoseOptionsAreInvalid()
    {
        // A declaration with configuration errors gets options that throw; Compile still works, with Adam by default.
        using var model = new Declared(() => throw new InvalidOperationException("NG0201: the declared loss is invalid."));
        Assert.Equal("NG0201: the declared loss is invalid.", Assert.Throws<InvalidOperationException>(() => model.CompileOptions).Message);

        model.Compile(loss: Loss.MeanSquaredError);

        Assert.IsType<Adam>(model.CompileOptions.Optimizer);
        Assert.Equal(1, model.Fit(ones(4, 1), zeros(4, 1), verbose: Verbosity.Silent).Epochs);
    }

    [Fact]
    public void ADescriptionThatDisagreesWithTheBaseClassIsRefused()
    {
        var twoInputs = new NetworkDescription(
            "Broken",
            [Describe.Input(1, "a"), Describe.Input(1, "b")],
            [Describe.Dense("Output", 1, 1, "a")],
            [new OutputDescription("Output", new Shape(1), Activation.Linear)]);

        var error = Assert.Throws<ArgumentException>(() => new Declared(() => null!, twoInputs));

        Assert.StartsWith("Broken is described with 2 inputs but its base class takes 1.", error.Message);
    }

    [Fact]
    public void DescriptionsAreChecked()
    {
        InputDescription[] inputs = [Describe.Input(1)];
        LayerDescription[] layers = [Describe.Dense("Output", 1, 1, "input")];
        OutputDescription[] outputs = [new OutputDescription("Output", new Shape(1), Activation.Linear)];

        Assert.Equal("inputs", Assert.Throws<ArgumentException>(() => new NetworkDescription("N", [], layers, outputs)).ParamName);
        Assert.Equal("layers", Assert.Throws<ArgumentException>(() => new NetworkDescription("N", inputs, [], outputs)).ParamName);
        Assert.Equal("outputs", Assert.Throws<ArgumentException>(() => new NetworkDescription("N", inputs, layers, [])).ParamName);
        Assert.StartsWith("Output 'Out' is not one of the layers.",
            Assert.Throws<ArgumentException>(() => new NetworkDescription("N", inputs, layers, [new OutputDescription("Out", null, Activation.Linear)])).Message);
    }

    [Fact]
    public void ASigmoidOutputWithoutForwardLogitsIsNamedWhenTrainingNeedsIt()
    {
        var description = Describe.Stack("NoLogits", 1, [Describe.Dense("Output", 1, 1, "input")], Activation.Sigmoid);
        using var model = new Declared(() => new CompileOptions(new Sgd(), [new OutputOptions("Output", Loss.BinaryCrossentropy)]), description);

        // Predict needs only forward; a cross-entropy wants the logits.
        Assert.Equal(new long[] { 2, 1 }, model.Predict(ones(2, 1)).shape);
        var error = Assert.Throws<NotSupportedException>(() => model.Fit(ones(2, 1), ones(2, 1), verbose: Verbosity.Silent));
        Assert.Equal("NoLogits describes an output ending in sigmoid or softmax but does not override ForwardLogits; generated networks do.", error.Message);
    }

    [Fact]
    public void ForwardMustReturnTensorsOrAnOutputsRecord()
    {
        using var model = new Declared(() => new CompileOptions(new Sgd(), [new OutputOptions("Output", Loss.MeanSquaredError)]), returnsNull: true);

        Assert.Equal("forward returned null.", Assert.Throws<InvalidOperationException>(() => model.Predict(ones(2, 1))).Message);
    }

    [Fact]
    public void RunChecksTheNumberOfInputs()
    {
        using var model = new TwoHeadNet();

        var error = Assert.Throws<ArgumentException>(() => ((INetwork)model).Run([ones(2, 3)]));

        Assert.StartsWith("TwoHeadNet takes 2 inputs (wide, deep); got 1.", error.Message);
    }

    /// <summary>One Dense(1) written against the base class with whatever description and options a test needs.</summary>
    private sealed class Declared : Network<Tensor, Tensor>
    {
        private readonly TorchSharp.Modules.Linear _output;
        private readonly bool _returnsNull;

        public Declared(Func<CompileOptions> options, NetworkDescription? description = null, bool returnsNull = false)
            : base("Declared", description ?? Describe.Stack("Declared", 1, [Describe.Dense("Output", 1, 1, "input")]), options)
        {
            _output = nn.Linear(1, 1);
            register_module("Output", _output);
            _returnsNull = returnsNull;
        }

        public override Tensor forward(Tensor input) => _returnsNull ? null! : _output.call(input);
    }
}
