using System;
using System.IO;
using NetGen.Data;
using NetGen.Generative;

namespace NetGen.Samples.Dcgan;

/// <summary>
/// A DCGAN on Fashion-MNIST end to end: a convolutional <see cref="ConvGenerator"/> and a
/// <see cref="ConvDiscriminator"/>, each with its own Adam, trained by NetGen's <c>Fit</c> with
/// <see cref="Gan{TGenerator, TDiscriminator}"/>'s standard step; a PNG grid of the same 64 latent
/// points every few epochs and a final grid of new samples.
/// </summary>
public static class DcganSample
{
    public static GanResult Run(TextWriter output, DcganOptions? options = null)
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
        using var gan = new Gan<ConvGenerator, ConvDiscriminator>(
            new ConvGenerator(Devices.Default, seed: options.Seed),
            new ConvDiscriminator(Devices.Default, seed: options.Seed + 1));
        return GanTraining.Run(
            output,
            gan,
            real,
            data.Source,
            new GanRun(options.Epochs, options.BatchSize, options.SampleEvery, options.ProgressEvery, options.Threads, options.Seed, options.OutputDirectory));
    }
}
