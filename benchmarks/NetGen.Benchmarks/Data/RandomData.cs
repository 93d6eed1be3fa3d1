using static TorchSharp.torch;

namespace NetGen.Benchmarks.Data;

/// <summary>
/// Random stand-ins for the benchmarks' data sets, drawn from seeded generators so every process
/// trains on the same numbers. Training cost does not depend on the values, only on the shapes.
/// </summary>
public static class RandomData
{
    /// <summary>Samples in the breast-cancer training split (569 samples, 80 %).</summary>
    public const int TabularSamples = 455;

    /// <summary>Features of the breast-cancer table.</summary>
    public const int TabularFeatures = 30;

    /// <summary>Samples per epoch for the 784-input networks: enough for 8 batches of 128.</summary>
    public const int ImageSamples = 1024;

    /// <summary>Standard-normal features and 0/1 float32 labels shaped [samples, 1].</summary>
    public static (Tensor X, Tensor Y) Tabular(int samples = TabularSamples)
    {
        using var generator = new Generator(1234);
        var x = randn([samples, TabularFeatures], generator: generator);
        var y = randint(0, 2, [samples, 1], generator: generator).to_type(ScalarType.Float32);
        return (x, y);
    }

    /// <summary>Standard-normal 784-feature rows and int64 class ids in [0, 10).</summary>
    public static (Tensor X, Tensor Y) Images(int samples = ImageSamples)
    {
        using var generator = new Generator(1234);
        var x = randn([samples, 784], generator: generator);
        var y = randint(0, 10, [samples], dtype: ScalarType.Int64, generator: generator);
        return (x, y);
    }

    /// <summary>Images per epoch of the CNN benchmarks: 32 batches of 64.</summary>
    public const int FashionImages = 2048;

    /// <summary>Standard-normal (1, 28, 28) images, Fashion-MNIST's shape, and int64 class ids in [0, 10).</summary>
    public static (Tensor X, Tensor Y) Fashion(int samples = FashionImages)
    {
        using var generator = new Generator(1234);
        var x = randn([samples, 1, 28, 28], generator: generator);
        var y = randint(0, 10, [samples], dtype: ScalarType.Int64, generator: generator);
        return (x, y);
    }

    /// <summary>Images per epoch of the autoencoder benchmark: 16 batches of 256.</summary>
    public const int AutoencoderImages = 4096;

    /// <summary>Rows of 784 pixels drawn uniformly from [0, 1): flattened Fashion-MNIST images as the autoencoder reads (and rebuilds) them.</summary>
    public static Tensor Pixels(int samples = AutoencoderImages)
    {
        using var generator = new Generator(1234);
        return rand([samples, 784], generator: generator);
    }

    /// <summary>Real images per epoch of the GAN benchmark: 16 batches of 128.</summary>
    public const int GanImages = 2048;

    /// <summary>Sequences per epoch of the recurrent benchmarks: 128 steps of 1, 2 of 64.</summary>
    public const int Sequences = 128;

    /// <summary>Standard-normal windows of 52 steps with one feature, and one standard-normal target each.</summary>
    public static (Tensor X, Tensor Y) Windows(int samples = Sequences)
    {
        using var generator = new Generator(1234);
        var x = randn([samples, 52, 1], generator: generator);
        var y = randn([samples, 1], generator: generator);
        return (x, y);
    }

    /// <summary>
    /// Reviews of 200 token ids in [1, 10,000) padded with id 0 to their length, drawn uniformly
    /// from [50, 200]: once padded before the real ids (Keras's <c>pad_sequences</c>), once after
    /// them (what <c>pack_padded_sequence</c> expects), with 0/1 float32 labels shaped [samples, 1].
    /// </summary>
    public static (Tensor PrePadded, Tensor PostPadded, Tensor Y) Reviews(int samples = Sequences)
    {
        const int steps = 200;
        using var generator = new Generator(1234);
        var ids = randint(1, 10000, [samples, steps], dtype: ScalarType.Int64, generator: generator);
        var lengths = randint(50, steps + 1, [samples, 1], dtype: ScalarType.Int64, generator: generator);
        var y = randint(0, 2, [samples, 1], generator: generator).to_type(ScalarType.Float32);
        using var positions = arange(steps, dtype: ScalarType.Int64).unsqueeze(0);
        using var zero = zeros_like(ids);
        using var real = positions.lt(lengths);
        var postPadded = where(real, ids, zero);

        // Step t of the pre-padded row is step t + length - 200 of the post-padded one: the same ids, moved to the end.
        using var source = positions.add(lengths).remainder(steps);
        var prePadded = postPadded.gather(1, source);
        ids.Dispose();
        lengths.Dispose();
        return (prePadded, postPadded, y);
    }
}
