using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using NetGen.Callbacks;
using NetGen.Data;
using NetGen.Generative;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Samples.Dcgan;

/// <summary>
/// A DCGAN on Fashion-MNIST end to end: a convolutional <see cref="ConvGenerator"/> and a
/// <see cref="ConvDiscriminator"/>, each with its own Adam, trained by NetGen's <c>Fit</c> with
/// <see cref="Gan{TGenerator, TDiscriminator}"/>'s standard step; a PNG grid of the same 64 latent
/// points every few epochs and a final grid of new samples.
/// </summary>
public static class DcganSample
{
    /// <summary>What the run measured, for the sample's tests.</summary>
    /// <param name="Source">Whether the full set or the repository's subset was read.</param>
    /// <param name="TrainCount">Real training images.</param>
    /// <param name="History">Both losses and the discriminator's accuracies per epoch.</param>
    /// <param name="Summary">The GAN's summary: the generator and the discriminator as rows.</param>
    /// <param name="DiscriminatorLoss">The last epoch's mean discriminator loss.</param>
    /// <param name="GeneratorLoss">The last epoch's mean generator loss.</param>
    /// <param name="RealAccuracy">The last epoch's share of real images the discriminator called real.</param>
    /// <param name="FakeAccuracy">The last epoch's share of generated images it called generated.</param>
    /// <param name="EpochGrids">The grids saved during training, in order.</param>
    /// <param name="FinalGrid">The grid of new samples saved after training.</param>
    /// <param name="TrainingTime">Wall time of <c>Fit</c>.</param>
    public sealed record Result(
        FashionMnistSource Source,
        long TrainCount,
        History History,
        string Summary,
        double DiscriminatorLoss,
        double GeneratorLoss,
        double RealAccuracy,
        double FakeAccuracy,
        IReadOnlyList<string> EpochGrids,
        string FinalGrid,
        TimeSpan TrainingTime);

    public static Result Run(TextWriter output, DcganOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new DcganOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = 1,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        // (1, 28, 28) images scaled from [0, 1] to [-1, 1], the generator's tanh range.
        using var real = (data.Train.Images * 2) - 1;

        var threads = options.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        using var gan = new Gan<ConvGenerator, ConvDiscriminator>(
            new ConvGenerator(Devices.Default, seed: options.Seed),
            new ConvDiscriminator(Devices.Default, seed: options.Seed + 1));
        gan.Generator.PrintSummary(output);
        gan.Discriminator.PrintSummary(output);
        var summary = gan.Summary();
        output.WriteLine(summary);

        var grids = new GeneratedImages(
            options.OutputDirectory,
            everyEpochs: options.SampleEvery,
            count: 64,
            seed: options.Seed,
            toUnitRange: GeneratedImages.FromTanh,
            scale: 2);
        var callbacks = new List<Callback> { grids };
        if (options.ProgressEvery > 0)
        {
            callbacks.Add(new StepProgress(options.ProgressEvery));
        }

        var clock = Stopwatch.StartNew();
        var history = gan.Fit(real, epochs: options.Epochs, batchSize: options.BatchSize, callbacks: callbacks, output: output, seed: options.Seed, threads: threads);
        var trainingTime = clock.Elapsed;

        var finalGrid = Path.Combine(options.OutputDirectory, "final.png");
        using (var samples = gan.Generate(100, seed: options.Seed + 1))
        using (var images = GeneratedImages.FromTanh(samples))
        {
            ImageGrid.Save(images, finalGrid, columns: 10, scale: 2);
        }

        var result = new Result(
            data.Source,
            real.shape[0],
            history,
            summary,
            history["d_loss"][^1],
            history["g_loss"][^1],
            history["d_real_accuracy"][^1],
            history["d_fake_accuracy"][^1],
            grids.Written,
            finalGrid,
            trainingTime);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Trained {history.Epochs} epoch(s) on {result.TrainCount:N0} images in {trainingTime.TotalSeconds:F1} s. Last epoch: discriminator loss {result.DiscriminatorLoss:F4}, generator loss {result.GeneratorLoss:F4}, discriminator accuracy on real images {result.RealAccuracy:F4}, on generated images {result.FakeAccuracy:F4}."));
        output.WriteLine($"Grids of the same 64 latent points: {string.Join(", ", grids.Written)}; 100 new samples: {finalGrid}.");
        return result;
    }
}
