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

namespace NetGen.Samples;

/// <summary>What a GAN sample's run measured, for its tests.</summary>
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
public sealed record GanResult(
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

/// <summary>How long a GAN sample trains and where its grids go (the samples' options, whatever their defaults).</summary>
/// <param name="Epochs">Passes over the real images.</param>
/// <param name="BatchSize">Real images per step.</param>
/// <param name="SampleEvery">Save a grid of the same latent points every this many epochs (and after the last).</param>
/// <param name="ProgressEvery">Print the running values every this many steps; 0 prints only the epoch lines.</param>
/// <param name="Threads">libtorch threads; null lets NetGen's <c>ThreadPolicy</c> choose.</param>
/// <param name="Seed">Seeds the networks, the shuffling, the latent vectors and the grids.</param>
/// <param name="OutputDirectory">Where the PNG grids are written.</param>
public sealed record GanRun(int Epochs, int BatchSize, int SampleEvery, int ProgressEvery, int? Threads, int Seed, string OutputDirectory);

/// <summary>
/// The part both GAN samples share: print the networks, train with <see cref="Gan{TGenerator, TDiscriminator}"/>'s
/// standard step and a <see cref="GeneratedImages"/> grid every few epochs, then save a grid of new samples and report.
/// </summary>
public static class GanTraining
{
    /// <summary>Trains <paramref name="gan"/> on <paramref name="real"/> images scaled to [-1, 1] (flat rows or (1, 28, 28)).</summary>
    public static GanResult Run<TGenerator, TDiscriminator>(TextWriter output, Gan<TGenerator, TDiscriminator> gan, Tensor real, FashionMnistSource source, GanRun run)
        where TGenerator : nn.Module, INetwork
        where TDiscriminator : nn.Module, INetwork
    {
        gan.Generator.PrintSummary(output);
        gan.Discriminator.PrintSummary(output);
        var summary = gan.Summary();
        output.WriteLine(summary);

        var grids = new GeneratedImages(
            run.OutputDirectory,
            everyEpochs: run.SampleEvery,
            count: 64,
            seed: run.Seed,
            imageShape: (1, 28, 28),
            toUnitRange: GeneratedImages.FromTanh,
            scale: 2);
        var callbacks = new List<Callback> { grids };
        if (run.ProgressEvery > 0)
        {
            callbacks.Add(new StepProgress(run.ProgressEvery));
        }

        var threads = run.Threads is { } n ? ThreadPolicy.Fixed(n) : null;
        var clock = Stopwatch.StartNew();
        var history = gan.Fit(real, epochs: run.Epochs, batchSize: run.BatchSize, callbacks: callbacks, output: output, seed: run.Seed, threads: threads);
        var trainingTime = clock.Elapsed;

        var finalGrid = Path.Combine(run.OutputDirectory, "final.png");
        using (var samples = gan.Generate(100, seed: run.Seed + 1))
        using (var images = GeneratedImages.FromTanh(samples).reshape(100, 1, 28, 28))
        {
            ImageGrid.Save(images, finalGrid, columns: 10, scale: 2);
        }

        var result = new GanResult(
            source,
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
