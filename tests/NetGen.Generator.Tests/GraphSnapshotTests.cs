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
                [Flatten] public partial Flatten Flat { get; }
                [Dense(32, UseBias = false)] public partial Linear Project { get; }
                [BatchNormalization(Momentum = 0.9, Epsilon = 1e-5)] internal partial BatchNorm1d Norm { get; }
                [Activation(Activation.LeakyReLU, Alpha = 0.1)] public partial LeakyReLU Leaky { get; }
                [Dropout(0.25)] public partial Dropout Drop { get; }
                [Dense(3, Activation.Tanh)] public partial Linear Squash { get; }
                [Dense(3)] public partial Linear Logits { get; }
                [Activation(Activation.Softmax)] public partial Softmax Probabilities { get; }
            }
            """;

        GeneratedCode.Verify(new[] { source });
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
}
