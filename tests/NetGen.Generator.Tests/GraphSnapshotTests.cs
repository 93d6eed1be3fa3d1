using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Generated code for every layer kind and for graphs (From, Add, Concatenate).</summary>
public sealed class GraphSnapshotTests
{
    [Fact]
    public void EveryLayerKind()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            namespace Shop.Models;

            [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy], Optimizer = OptimizerKind.Sgd, LearningRate = 0.05)]
            [Optimizer(OptimizerKind.Sgd, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-5)]
            [Input(4, 6)]
            public partial class Everything
            {
                [Permute(2, 1)] public partial NetGen.Layers.Permute Transposed { get; }
                [Reshape(2, 12)] public partial NetGen.Layers.Reshape Pairs { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(32, UseBias = false, KernelInitializer = Initializer.HeUniform)] public partial Linear Project { get; }
                [BatchNormalization(Momentum = 0.9, Epsilon = 1e-5)] internal partial BatchNorm1d Norm { get; }
                [Activation(Activation.LeakyReLU, Alpha = 0.1)] public partial LeakyReLU Leaky { get; }
                [Dropout(0.25)] public partial Dropout Drop { get; }
                [Dense(3, Activation.Tanh)] public partial Linear Squash { get; }
                [Dense(3)] public partial Linear Logits { get; }
                [Activation(Activation.Softmax)] public partial Softmax Probabilities { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        // The output's softmax is its own module: trained from logits, its input is the logits.
        Assert.Contains("var probabilities = logits ? logits2.alias() : _probabilities.call(logits2);", run.Source("Shop.Models.Everything.g.cs"));
    }

    [Fact]
    public void ImageLayers()
    {
        // The fuzz seed of the image layers: Same padding TorchSharp pads itself (stride 1, odd
        // kernel) and Same padding done at run time (a stride of 2, an even kernel, pooling).
        var source = System.IO.File.ReadAllText(System.IO.Path.Combine(Snapshot.RepositoryRoot, "tests", "NetGen.Analyzers.Tests", "Fuzz", "Seeds", "ImageLayers.cs"));

        var run = GeneratedCode.Verify(new[] { source });

        var code = run.Source("Shop.Vision.ImageLayers.g.cs");
        Assert.Contains("Conv2d(1, 8, 3, stride: 1, padding: 1L, dilation: 1, groups: 1, bias: true", code);
        Assert.Contains("global::NetGen.Layers.SamePadding.Apply(_conv2, conv1, 3, 2)", code);
        Assert.Contains("global::NetGen.Layers.SamePadding.Average(_pool2, ", code);
    }

    [Fact]
    public void ResidualAndWideGraph()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae])]
            [Input(8, Name = "features")]
            public partial class WideAndDeep
            {
                [Dense(16, Activation.ReLU)] public partial Linear Deep1 { get; }
                [Dense(16, Activation.ReLU)] public partial Linear Deep2 { get; }
                [Add(nameof(Deep1), nameof(Deep2))] public partial NetGen.Layers.Add Residual { get; }
                [Concatenate("features", nameof(Residual), Axis = 1)] public partial NetGen.Layers.Concatenate Wide { get; }
                [Dense(1)] public partial Linear Price { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });
        Assert.Contains("new global::NetGen.Layers.Concatenate(1)", run.Source("WideAndDeep.g.cs"));
    }

    [Fact]
    public void NestedNetwork()
    {
        const string source = """
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
            """;

        GeneratedCode.Verify(new[] { source });
    }

    [Fact]
    public void DeclarationWithErrorsGetsPlaceholderMembers()
    {
        // Dense on an image: NG0101. The placeholder keeps user code compiling (no cascade of
        // CS9248 "partial property must have an implementation" or missing Fit errors).
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(3, 32, 32)]
            public partial class Broken
            {
                [Dense(10, Activation.ReLU)] public partial Linear Hidden { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }

            public static class Usage
            {
                public static object Use() => new Broken().Hidden;
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });
        Assert.Contains("throw new global::System.InvalidOperationException(DeclarationErrors)", run.Source("Broken.g.cs"));
    }

    [Fact]
    public void SeveralInputsAndOutputs()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae])]
            [Input(3, Name = "wide")]
            [Input(2, Name = "deep")]
            public partial class TwoHeads
            {
                [Dense(8, Activation.ReLU, From = "deep")] public partial Linear Deep { get; }
                [Concatenate("wide", nameof(Deep))] public partial NetGen.Layers.Concatenate Joined { get; }
                [Output(LossWeight = 2.0)] [Dense(1)] public partial Linear Price { get; }
                [Output(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])] [Dense(1, Activation.Sigmoid, From = nameof(Joined))] public partial Linear Kind { get; }
            }

            public static class Usage
            {
                public static TorchSharp.torch.Tensor Price(TwoHeads network, TorchSharp.torch.Tensor wide, TorchSharp.torch.Tensor deep) => network.forward(wide, deep).Price;
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("TwoHeads.g.cs");
        Assert.Contains("partial class TwoHeads : global::NetGen.Network<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor, global::TwoHeads.Outputs>", generated);
        Assert.Contains("return new Outputs(price, logits ? kind : global::NetGen.Layers.Activations.Sigmoid(kind));", generated);
    }

    [Fact]
    public void SequenceWithANamedLength()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
            [Input("steps", 8, Name = "frames")]
            public partial class Tagger
            {
                [Dense(16, Activation.ReLU)] public partial Linear Encode { get; }
                [BatchNormalization] public partial BatchNorm1d Norm { get; }
                [Dense(5, Activation.Softmax)] public partial Linear Tags { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("Tagger.g.cs");
        Assert.Contains("new global::NetGen.Shape(global::NetGen.Dimension.Named(\"steps\"), 8)", generated);
        Assert.Contains("global::NetGen.Layers.ChannelsFirst.Apply(_norm, encode)", generated);
        Assert.Contains("public const long ParameterCount = 293;", generated);
    }

    [Fact]
    public void AnUnusedLayerIsBuiltButNotRun()
    {
        // The review's case: Tail reads the output. The output stays Out, and Tail is registered
        // (its weights load) but forward does not compute it.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Dangling
            {
                [Dense(3)] public partial Linear A { get; }
                [Dense(5, From = nameof(Out))] public partial Linear Tail { get; }
                [Dense(2, From = nameof(A))] public partial Linear Out { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("Dangling.g.cs");
        Assert.Contains("base.register_module(\"Tail\", _tail);", generated);
        Assert.DoesNotContain("_tail.call", generated);
        Assert.Contains("new global::NetGen.OutputDescription(\"Out\", new global::NetGen.Shape(2)", generated);
    }

    [Fact]
    public void GeneratedNamesAvoidTheUsersMembers()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(4, Name = "in")]
            public partial class @class
            {
                private int _hidden;
                private static readonly int s_description = 1;
                private int Forward() => _hidden + s_description;

                [Dense(3, From = "in")] public partial Linear Hidden { get; }
                [Dense(3)] public virtual partial Linear hidden { get; }
                [Dense(2)] partial Linear @int { get; }
                [Add(nameof(@int), nameof(@int))] internal partial NetGen.Layers.Add Twice { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("class.g.cs");
        Assert.Contains("private readonly global::TorchSharp.Modules.Linear _hidden2;", generated);
        Assert.Contains("private readonly global::TorchSharp.Modules.Linear _hidden3;", generated);
        Assert.Contains("public virtual partial global::TorchSharp.Modules.Linear hidden { get => _hidden3; }", generated);
        Assert.Contains("partial global::TorchSharp.Modules.Linear @int { get => _int; }", generated);
        Assert.Contains("private static readonly global::NetGen.NetworkDescription s_description2 = new(", generated);
        Assert.Contains("forward(global::TorchSharp.torch.Tensor @in) => Forward2(@in, logits: false);", generated);
    }

    [Fact]
    public void AConfigurationErrorKeepsTheModule()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, LearningRate = 0)]
            [Input(4)]
            public partial class Misconfigured
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """;

        GeneratedCode.Verify(new[] { source });
    }

    [Fact]
    public void DeclarationsNetGenCannotCompleteStillCompile()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial record AsRecord { [Dense(1)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Generic<T> { [Dense(1)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Derived : System.Collections.Generic.List<int> { [Dense(1)] public partial Linear A { get; } }

            public static class Usage
            {
                public static object Use() => (new AsRecord().A, new Generic<int>().A, new Derived().A);
            }
            """;

        GeneratedCode.Verify(new[] { source });
    }
}
