using System;
using System.IO;
using NetGen.Data;
using NetGen.Generative;

namespace NetGen.Samples.Gans;

/// <summary>
/// A dense GAN on Fashion-MNIST end to end: a <see cref="FashionGenerator"/> and a
/// <see cref="FashionDiscriminator"/>, each with its own Adam, trained by NetGen's <c>Fit</c> with
/// <see cref="Gan{TGenerator, TDiscriminator}"/>'s standard step; a PNG grid of the same 64 latent
/// points every few epochs and a final grid of new samples.
/// </summary>
public static class GanSample
{
    public static GanResult Run(TextWriter output, GanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        options ??= new GanOptions();
        options.Validate();

        using var data = FashionMnist.Load(new FashionMnistOptions
        {
            UseFullSet = options.UseFullSet,
            MaxTrainCount = options.MaxTrainCount,
            MaxTestCount = 1,
        });
        output.WriteLine($"Fashion-MNIST: {data.Description}.");

        // Rows of 784 pixels scaled from [0, 1] to [-1, 1], the generator's tanh range.
        using var real = (data.Train.Images.flatten(1) * 2) - 1;
        using var gan = new Gan<FashionGenerator, FashionDiscriminator>(
            new FashionGenerator(Devices.Default, seed: options.Seed),
            new FashionDiscriminator(Devices.Default, seed: options.Seed + 1));
        return GanTraining.Run(
            output,
            gan,
            real,
            data.Source,
            new GanRun(options.Epochs, options.BatchSize, options.SampleEvery, options.ProgressEvery, options.Threads, options.Seed, options.OutputDirectory));
    }
}
