using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Generative;
using NetGen.Optimizers;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Generative;

/// <summary>
/// Gan: the standard alternating step on NetGen's Fit, the frozen discriminator during the
/// generator's update, one optimizer per part, the logs, the callback, overriding the step, errors.
/// </summary>
public sealed class GanTests
{
    private static Tensor Real(int count, int seed)
    {
        using var generator = new Generator((ulong)seed);
        return (randn([count, 1], generator: generator) * 0.5) + 3;
    }

    [Fact]
    public void NoGradientReachesTheDiscriminatorDuringTheGeneratorStep()
    {
        using var gan = new GeneratorStepOnly();
        // A layer frozen on the discriminator stays frozen after the step.
        gan.Discriminator.Hidden.bias!.requires_grad = false;
        var discriminatorBefore = ToyData.State(gan.Discriminator);
        var generatorBefore = ToyData.State(gan.Generator);

        gan.Fit(Real(8, seed: 1), epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        Assert.True(gan.DiscriminatorGradientsWereNull, "a discriminator parameter got a gradient in the generator step");
        Assert.True(ToyData.SameState(discriminatorBefore, ToyData.State(gan.Discriminator)), "the discriminator changed in the generator step");
        Assert.False(ToyData.SameState(generatorBefore, ToyData.State(gan.Generator)), "the generator did not change in its step");
        Assert.All(gan.Generator.parameters(), p => Assert.NotNull(p.grad));
        Assert.Equal(
            new[] { true, false, true, true },
            gan.Discriminator.parameters().Select(static p => p.requires_grad).ToArray());
    }

    [Fact]
    public void EachPartStepsWithItsOwnOptimizer()
    {
        // The discriminator compiled with a learning rate too small to move a float32 weight: only the generator changes.
        using var gan = new ToyGan();
        gan.Discriminator.Compile(optimizer: new Sgd(learningRate: 1e-30));
        var discriminatorBefore = ToyData.State(gan.Discriminator);
        var generatorBefore = ToyData.State(gan.Generator);

        gan.Fit(Real(32, seed: 2), epochs: 1, batchSize: 16, verbose: Verbosity.Silent);

        Assert.True(ToyData.SameState(discriminatorBefore, ToyData.State(gan.Discriminator)));
        Assert.False(ToyData.SameState(generatorBefore, ToyData.State(gan.Generator)));
        Assert.IsType<Sgd>(gan.CompileOptions.Optimizer);
    }

    [Fact]
    public void HistoryAndProgressHaveBothLossesAndTheAccuraciesPerEpoch()
    {
        using var gan = new ToyGan();
        var output = new StringWriter();

        var history = gan.Fit(Real(40, seed: 3), epochs: 3, batchSize: 16, output: output);

        Assert.Equal(new[] { "d_loss", "g_loss", "d_real_accuracy", "d_fake_accuracy" }, history.Values.Keys);
        Assert.All(history.Values.Values, values => Assert.Equal(3, values.Count));
        Assert.All(history["d_loss"].Concat(history["g_loss"]), value => Assert.True(value > 0 && double.IsFinite(value)));
        Assert.All(history["d_real_accuracy"].Concat(history["d_fake_accuracy"]), value => Assert.InRange(value, 0, 1));
        Assert.Contains("3/3 - ", output.ToString());
        Assert.Contains(" - d_loss: ", output.ToString());
        Assert.DoesNotContain(" loss: NaN", output.ToString());
    }

    [Fact]
    public void TrainsFromBatchesOfRealSamplesWithLabels()
    {
        using var gan = new ToyGan();
        var real = Real(24, seed: 4);
        var batches = Enumerable.Range(0, 3).Select(i => new Batch(real[(i * 8)..((i + 1) * 8)], zeros(8, 1))).ToList();

        var history = gan.Fit(batches, epochs: 2, verbose: Verbosity.Silent);

        Assert.Equal(2, history["g_loss"].Count);
    }

    [Fact]
    public void SummaryListsBothNetworksAndWeightsRoundTrip()
    {
        using var gan = new ToyGan();
        var summary = gan.Summary();
        Assert.Contains("Generator (ToyGenerator)", summary);
        Assert.Contains("Discriminator (ToyDiscriminator)", summary);
        var total = gan.Generator.Description.ParameterCount + gan.Discriminator.Description.ParameterCount;
        Assert.Contains(total.ToString("N0", System.Globalization.CultureInfo.InvariantCulture), summary);
        Assert.All(gan.state_dict().Keys, key => Assert.True(key.StartsWith("Generator.", StringComparison.Ordinal) || key.StartsWith("Discriminator.", StringComparison.Ordinal), key));

        var path = Path.Combine(Path.GetTempPath(), $"netgen-gan-{Guid.NewGuid():N}.safetensors");
        try
        {
            gan.SaveWeights(path);
            using var copy = new ToyGan();
            copy.LoadWeights(path);
            Assert.Equal(ToyData.Floats(gan.Generate(5, seed: 9)), ToyData.Floats(copy.Generate(5, seed: 9)));
            Assert.Equal(ToyData.Floats(gan.Predict(Real(5, seed: 5))), ToyData.Floats(copy.Predict(Real(5, seed: 5))));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SeededLatentVectorsRepeatAndGenerateRunsInInferenceMode()
    {
        using var gan = new ToyGan();
        Assert.Equal(ToyData.Floats(gan.SampleLatent(6, seed: 3)), ToyData.Floats(gan.SampleLatent(6, seed: 3)));
        Assert.NotEqual(ToyData.Floats(gan.SampleLatent(6, seed: 3)), ToyData.Floats(gan.SampleLatent(6, seed: 4)));
        Assert.Equal(new long[] { 6, 4 }, gan.SampleLatent(6).shape);

        gan.Generator.train();
        var samples = gan.Generate(6, seed: 3);
        Assert.Equal(new long[] { 6, 1 }, samples.shape);
        Assert.False(samples.requires_grad);
        Assert.True(gan.Generator.training);

        var error = Assert.Throws<ArgumentException>(() => gan.Generate(zeros(2, 3)));
        Assert.Contains("(None, 4)", error.Message);
        Assert.Contains("[2, 3]", error.Message);
    }

    [Fact]
    public void GeneratedImagesSavesAGridAtEveryNthEpochAndTheLast()
    {
        var directory = Path.Combine(Path.GetTempPath(), $"netgen-gan-images-{Guid.NewGuid():N}");
        try
        {
            using var gan = new ToyGan(new ToyGenerator(outputs: 16), new ToyDiscriminator(inputs: 16));
            var images = new GeneratedImages(directory, everyEpochs: 2, count: 6, seed: 7, imageShape: (1, 4, 4), toUnitRange: GeneratedImages.FromTanh, scale: 2);
            var real = rand(20, 16);

            gan.Fit(real, epochs: 5, batchSize: 10, callbacks: [images], verbose: Verbosity.Silent);

            var expected = new[] { 2, 4, 5 }.Select(epoch => Path.Combine(directory, $"samples-epoch-{epoch:000}.png")).ToArray();
            Assert.Equal(expected, images.Written);
            Assert.Equal(expected.Order(), Directory.GetFiles(directory).Order());
            var png = File.ReadAllBytes(expected[0]);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);

            // The same latent vectors every time: the last grid is what the trained generator makes of them.
            var last = File.ReadAllBytes(expected[2]);
            var again = NetGen.Data.ImageGrid.Encode(GeneratedImages.FromTanh(gan.Generate(gan.SampleLatent(6, seed: 7))).reshape(6, 1, 4, 4), scale: 2);
            Assert.Equal(again, last);
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public void GeneratedImagesRefusesSamplesThatAreNotImages()
    {
        using var gan = new ToyGan();
        var error = Assert.Throws<InvalidOperationException>(() =>
            gan.Fit(Real(8, seed: 6), callbacks: [new GeneratedImages(Path.GetTempPath())], verbose: Verbosity.Silent));
        Assert.Contains("(None, 1)", error.Message);
        Assert.Contains("imageShape", error.Message);
    }

    [Fact]
    public void AnOverriddenStepTrainsACriticWithoutALoss()
    {
        using var gan = new WassersteinGan();
        var history = gan.Fit(Real(32, seed: 7), epochs: 2, batchSize: 16, verbose: Verbosity.Silent);

        Assert.Equal(new[] { "critic_loss", "g_loss" }, history.Values.Keys);
        Assert.All(gan.Discriminator.parameters(), p => Assert.True(p.abs().max().item<float>() <= WassersteinGan.Clip + 1e-6));
    }

    [Fact]
    public void TheStandardStepNeedsOneSigmoidUnitWithALoss()
    {
        using var linear = new ToyGan(new ToyGenerator(), new ToyDiscriminator(activation: Activation.Linear));
        var error = Assert.Throws<InvalidOperationException>(() => linear.Fit(Real(8, seed: 8), verbose: Verbosity.Silent));
        Assert.Contains("ToyDiscriminator", error.Message);
        Assert.Contains("activation Linear", error.Message);
        Assert.Contains("override TrainStep", error.Message);

        using var noLoss = new ToyGan(new ToyGenerator(), new ToyDiscriminator(noLoss: true));
        error = Assert.Throws<InvalidOperationException>(() => noLoss.Fit(Real(8, seed: 8), verbose: Verbosity.Silent));
        Assert.Contains("no loss", error.Message);
    }

    [Fact]
    public void MismatchedNetworksAreRefusedWhenTheGanIsBuilt()
    {
        var shapes = Assert.Throws<ArgumentException>(() => new ToyGan(new ToyGenerator(outputs: 2), new ToyDiscriminator(inputs: 3)));
        Assert.Equal("discriminator", shapes.ParamName);
        Assert.Contains("outputs (None, 2)", shapes.Message);
        Assert.Contains("takes (None, 3)", shapes.Message);

        var outputs = Assert.Throws<ArgumentException>(() => new Gan<ToyGenerator, TwoOutputDiscriminator>(new ToyGenerator(), new TwoOutputDiscriminator()));
        Assert.Contains("1 inputs and 2 outputs", outputs.Message);

        var generator = new ToyGenerator();
        Assert.Throws<ArgumentException>(() => new Gan<ToyGenerator, ToyGenerator>(generator, generator));
    }

    [Fact]
    public void PartsCannotBeCompiledThroughTheGanNorFrozenWhileItTrains()
    {
        using var gan = new ToyGan();
        var compile = Assert.Throws<InvalidOperationException>(() => gan.Compile(optimizer: new Adam()));
        Assert.Contains("compile the parts", compile.Message);

        var freezer = new FreezeOnFirstBatch();
        var freeze = Assert.Throws<InvalidOperationException>(() => gan.Fit(Real(8, seed: 9), callbacks: [freezer], verbose: Verbosity.Silent));
        Assert.Contains("being trained", freeze.Message);

        var evaluate = Assert.Throws<NotSupportedException>(() => gan.Evaluate([new Batch(Real(4, seed: 9), ones(4, 1))]));
        Assert.Contains("no evaluation step", evaluate.Message);

        // Weights with targets would pass the batch checks and then be ignored by the standard step.
        var weighted = Assert.Throws<NotSupportedException>(() => gan.Fit([new Batch(Real(4, seed: 9), ones(4, 1), sampleWeights: ones(4))], verbose: Verbosity.Silent));
        Assert.StartsWith("The standard step of ToyGan does not weight samples, but a batch has SampleWeights", weighted.Message);
    }

    [Fact]
    public void DisposingTheGanFreesBothNetworksAndTheirOptimizerState()
    {
        var real = Real(16, seed: 10);
        var before = TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount;
        var gan = new ToyGan();
        gan.Fit(real, epochs: 1, batchSize: 8, verbose: Verbosity.Silent);
        var parameters = gan.parameters().ToList();
        // 8 parameters and Adam's two moment estimates for each.
        Assert.True(TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount >= before + 24);

        gan.Dispose();

        Assert.All(parameters, static p => Assert.True(p.IsInvalid));
        Assert.Equal(before, TorchSharp.DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void AGanHasNoOptimizerOfItsOwnAndOnlyItsPartsHaveOne()
    {
        using var gan = new AsksForOtherOptimizers();
        gan.Fit(Real(8, seed: 11), epochs: 1, batchSize: 8, verbose: Verbosity.Silent);

        Assert.Contains("Gan has no optimizer of its own", gan.OwnOptimizer);
        Assert.Contains("ToyGenerator is not a part of Gan (its parts are ToyGenerator, ToyDiscriminator)", gan.Stranger);

        var schedule = Assert.Throws<InvalidOperationException>(() =>
            gan.Fit(Real(8, seed: 11), callbacks: [new LearningRateScheduler(static (epoch, rate) => rate)], verbose: Verbosity.Silent));
        Assert.Contains("has no optimizer of its own", schedule.Message);
    }

    /// <summary>Asks the step for the GAN's own optimizer and for that of a network that is not a part.</summary>
    private sealed class AsksForOtherOptimizers : ToyGan
    {
        public string OwnOptimizer { get; private set; } = string.Empty;

        public string Stranger { get; private set; } = string.Empty;

        public override void TrainStep(Batch batch, StepContext step)
        {
            OwnOptimizer = Assert.Throws<InvalidOperationException>(() => step.Optimizer).Message;
            using var stranger = new ToyGenerator();
            Stranger = Assert.Throws<ArgumentException>(() => step.OptimizerOf(stranger)).Message;
            base.TrainStep(batch, step);
        }
    }

    /// <summary>Runs only the generator's half of the standard step, and checks the discriminator's gradients right after it.</summary>
    private sealed class GeneratorStepOnly : ToyGan
    {
        public bool DiscriminatorGradientsWereNull { get; private set; }

        public override void TrainStep(Batch batch, StepContext step)
        {
            Assert.All(Discriminator.parameters(), static p => Assert.Null(p.grad));
            GeneratorStep(batch.Size, step);
            DiscriminatorGradientsWereNull = Discriminator.parameters().All(static p => p.grad is null);
        }
    }

    /// <summary>A WGAN with weight clipping (Arjovsky et al., 2017): a linear critic without a compiled loss.</summary>
    private sealed class WassersteinGan() : ToyGan(new ToyGenerator(optimizer: new RmsProp(5e-5)), new ToyDiscriminator(optimizer: new RmsProp(5e-5), activation: Activation.Linear, noLoss: true))
    {
        public const double Clip = 0.01;

        public override void TrainStep(Batch batch, StepContext step)
        {
            var critic = step.OptimizerOf(Discriminator);
            critic.zero_grad();
            Tensor fake;
            using (no_grad())
            {
                fake = Generator.call(SampleLatent(batch.Size));
            }

            var criticLoss = Discriminator.call(fake).mean() - Discriminator.call(batch.Inputs[0]).mean();
            criticLoss.backward();
            step.ApplyGradients(Discriminator);
            using (no_grad())
            {
                foreach (var parameter in Discriminator.parameters())
                {
                    parameter.clamp_(-Clip, Clip);
                }
            }

            step.OptimizerOf(Generator).zero_grad();
            Tensor generatorLoss;
            using (FreezeDiscriminator())
            {
                generatorLoss = -Discriminator.call(Generator.call(SampleLatent(batch.Size))).mean();
                generatorLoss.backward();
            }

            step.ApplyGradients(Generator);
            step.Log("critic_loss", criticLoss);
            step.Log("g_loss", generatorLoss);
        }
    }

    private sealed class FreezeOnFirstBatch : Callback
    {
        public override void OnBatchBegin(TrainingContext context, int batch) =>
            ((ToyGan)context.Network).Discriminator.Freeze(((ToyGan)context.Network).Discriminator.Hidden);
    }
}

/// <summary>A GAN learning N(3, 0.5): seeded, so it runs alone with the other users of libtorch's global generator.</summary>
[Collection(ProcessWideState.Name)]
public sealed class GanConvergenceTests
{
    [Fact]
    public void TheGeneratedDistributionApproachesTheRealOne()
    {
        manual_seed(11);
        using var gan = new ToyGan();
        using var generator = new Generator(12);
        var real = (randn([2048, 1], generator: generator) * 0.5) + 3;
        var before = gan.Generate(2000, seed: 13);
        Assert.True(Math.Abs(before.mean().item<float>() - 3) > 2, "the untrained generator is already near the real mean");

        // About 1,300 alternating steps: the generated mean overshoots to about 4.7 and oscillates, damped, around 3.
        gan.Fit(real, epochs: 40, batchSize: 64, seed: 14, threads: ThreadPolicy.Fixed(1), verbose: Verbosity.Silent);

        var samples = gan.Generate(2000, seed: 13);
        var mean = samples.mean().item<float>();
        var std = samples.std().item<float>();
        Assert.InRange(mean, 2.7, 3.3);
        Assert.InRange(std, 0.3, 0.75);
    }
}
