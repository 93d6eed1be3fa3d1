using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>
/// GaussianNoise's standard deviation (NG0012) and GaussianDropout's rate (NG0207) at the argument
/// written, and both layers written correctly, on any shape, staying silent.
/// </summary>
public sealed class NoiseLayerRuleTests
{
    [Fact]
    public async Task NG0012_NegativeStandardDeviation_ReportedOnTheArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(784)]
            public partial class Net
            {
                [GaussianNoise({|NG0012:-0.2|})] public partial GaussianNoise Corrupt { get; }
                [Dense(64, Activation.ReLU)] public partial Linear Code { get; }
            }
            """);

        Assert.Equal("Stddev of layer 'Corrupt' must be a finite standard deviation, 0 or more; got -0.2", MessageOf(diagnostics, "NG0012"));
    }

    [Fact]
    public async Task NG0207_GaussianDropoutRateOfOne_ReportedOnTheArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            [Network]
            [Input(16)]
            public partial class Net
            {
                [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
                [GaussianDropout({|NG0207:1.0|})] public partial GaussianDropout Shake { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Dropout rate of 'Shake' must be in [0, 1); got 1", MessageOf(diagnostics, "NG0207"));
    }

    [Fact]
    public Task NoiseOnImagesAndSequences_NoDiagnostics() => VerifyAsync("""
        using NetGen;
        using NetGen.Layers;
        using TorchSharp.Modules;

        [Network]
        [Input(1, 28, 28)]
        public partial class Images
        {
            [GaussianNoise(0)] public partial GaussianNoise Corrupt { get; }
            [Conv2D(8, 3, Activation.ReLU, Padding = Padding.Same)] public partial Conv2d Conv { get; }
            [GaussianDropout(0.5)] public partial GaussianDropout Shake { get; }
            [Flatten] public partial Flatten Flat { get; }
            [Dense(10, Activation.Softmax)] public partial Linear Output { get; }
        }

        [Network]
        [Input("steps", 4)]
        public partial class Series
        {
            [GaussianNoise(1.5)] public partial GaussianNoise Corrupt { get; }
            [Dense(4)] public partial Linear Output { get; }
        }
        """);
}
