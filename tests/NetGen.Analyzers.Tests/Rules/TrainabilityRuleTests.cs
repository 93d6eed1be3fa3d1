using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0213 and NG0214: what declared freezing (<c>Trainable = false</c>) leaves to train.</summary>
public sealed class TrainabilityRuleTests
{
    [Fact]
    public async Task NG0213_EveryLayerWithWeightsFrozen_ReportedOnNetworkName()
    {
        // The pooling layer stays trainable, but it has nothing to train.
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.SparseCategoricalCrossentropy)]
            [Input(1, 8, 8)]
            public partial class {|NG0213:Net|}
            {
                [Conv2D(4, 3, Activation.ReLU, Trainable = false)] public partial Conv2d Features { get; }
                [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D Pool { get; }
                [Dense(3, Activation.Softmax, Trainable = false, Group = "classifier")] public partial Linear Classes { get; }
            }
            """);

        Assert.Equal(
            "Every layer of 'Net' with weights is declared Trainable = false ('Features', 'Classes'): training has nothing to update",
            MessageOf(diagnostics, "NG0213"));
    }

    [Fact]
    public Task NG0213_TheHeadStaysTrainable_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.SparseCategoricalCrossentropy)]
        [Input(1, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 3, Activation.ReLU, Trainable = false, Group = "features")] public partial Conv2d Features { get; }
            [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D Pool { get; }
            [Dense(3, Activation.Softmax, Trainable = true, Group = "classifier")] public partial Linear Classes { get; }
        }
        """);

    [Fact]
    public Task NG0213_ANetworkWithoutWeights_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 8, 8)]
        public partial class Net
        {
            [MaxPooling2D(2, Trainable = false)] public partial MaxPool2d Pool { get; }
        }
        """);

    [Fact]
    public Task NG0213_NotReportedWhileALayerHasNoShape() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 3, Trainable = false)] public partial Conv2d Features { get; }
            [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D Pool { get; }
            [Dense(3, From = {|NG0008:"Pol"|}, Trainable = false)] public partial Linear Classes { get; }
        }
        """);

    [Fact]
    public async Task NG0214_FrozenBatchNormalization_ReportedOnTrainable()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.SparseCategoricalCrossentropy)]
            [Input(1, 8, 8)]
            public partial class Net
            {
                [Conv2D(4, 3, Activation.ReLU, Trainable = false)] public partial Conv2d Features { get; }
                [BatchNormalization(Momentum = 0.9, Trainable = {|NG0214:false|})] public partial BatchNorm2d Norm { get; }
                [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D Pool { get; }
                [Dense(3, Activation.Softmax)] public partial Linear Classes { get; }
            }
            """);

        Assert.Equal(
            "Frozen batch normalization 'Norm' runs in inference mode: it normalizes with its moving mean and variance and no longer updates them, in Fit as in Predict",
            MessageOf(diagnostics, "NG0214"));
    }

    [Fact]
    public Task NG0214_TrainableBatchNormalizationInAFrozenStack_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.SparseCategoricalCrossentropy)]
        [Input(1, 8, 8)]
        public partial class Net
        {
            [Conv2D(4, 3, Activation.ReLU, Trainable = false, Group = "features")] public partial Conv2d Features { get; }
            [BatchNormalization(Trainable = true, Group = "features")] public partial BatchNorm2d Norm { get; }
            [GlobalAveragePooling2D] public partial NetGen.Layers.GlobalAveragePooling2D Pool { get; }
            [Dense(3, Activation.Softmax)] public partial Linear Classes { get; }
        }
        """);

    [Fact]
    public Task EmptyGroupName_ReportedOnGroup() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(10)]
        public partial class Net
        {
            [Dense(3, Group = {|NG0012:" "|})] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public async Task TheFreezingMethodsAreReservedNames()
    {
        // A member named Freeze would hide the runtime's network.Freeze(...) from the class's users.
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(2)] public partial Linear {|NG0010:Freeze|} { get; }
                public int {|NG0019:LoadWeightsFrom|} => 0;
            }
            """);

        Assert.Equal("Layer name 'Freeze' is reserved: it is a member every network has", MessageOf(diagnostics, "NG0010"));
    }
}
