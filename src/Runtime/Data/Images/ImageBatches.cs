using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Data.Images;

/// <summary>
/// One subset of an <see cref="ImageFolder"/> as batches of images (N, C, H, W) float32 and their
/// labels. Each enumeration is one epoch: background workers read, decode and augment batches
/// ahead of training into a bounded queue, and the batches come out in order, the same for a given
/// seed whatever the number of workers. Disposing the enumerator (as <c>foreach</c> and <c>Fit</c>
/// do, also on an exception or when <c>Fit</c>'s cancellation token fires) stops and joins the workers.
/// </summary>
/// <remarks>
/// A read-only collection, so <c>Fit</c> knows the batch count for its progress line. The
/// validation and test subsets have no augmentation to give: <see cref="ImageFolder.Validation"/>
/// and <see cref="ImageFolder.All"/> take none.
/// </remarks>
public sealed class ImageBatches : IReadOnlyCollection<Batch>
{
    private readonly ImageFolder _folder;
    private readonly LabeledImage[] _files;
    private readonly bool _shuffle;
    private readonly ImageAugmentation? _augmentation;
    private readonly CancellationToken _cancellationToken;
    private int _epochs;

    internal ImageBatches(ImageFolder folder, ImageSubset subset, LabeledImage[] files, int batchSize, bool shuffle, ImageAugmentation? augmentation, CancellationToken cancellationToken)
    {
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "A batch holds at least one image.");
        }

        _folder = folder;
        _files = files;
        Subset = subset;
        BatchSize = batchSize;
        _shuffle = shuffle;
        _augmentation = augmentation;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Which subset these batches are.</summary>
    public ImageSubset Subset { get; }

    /// <summary>Images per batch (the last may hold fewer).</summary>
    public int BatchSize { get; }

    /// <summary>Images in the subset.</summary>
    public int ImageCount => _files.Length;

    /// <summary>Whether the images are augmented (only ever the training subset).</summary>
    public bool IsAugmented => _augmentation is not null;

    /// <summary>Batches per epoch.</summary>
    public int Count => (_files.Length + BatchSize - 1) / BatchSize;

    /// <summary>The class names, in label order.</summary>
    public IReadOnlyList<string> ClassNames => _folder.ClassNames;

    /// <summary>Starts an epoch: the next epoch's order and augmentation, made ahead on the folder's workers.</summary>
    public IEnumerator<Batch> GetEnumerator()
    {
        var epoch = Interlocked.Increment(ref _epochs) - 1;
        var order = Enumerable.Range(0, _files.Length).ToArray();
        if (_shuffle)
        {
            new SplitMix64(_folder.Seed, 1, (long)Subset, epoch).Shuffle(order);
        }

        var options = _folder.Options;
        return new BatchPrefetcher(
            Count,
            (index, token) => Make(epoch, order, index, token),
            options.Workers,
            options.PrefetchBatches,
            options.DisposeBatches,
            _cancellationToken);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Batch <paramref name="index"/> of an epoch: decoded, augmented, rescaled, labelled.</summary>
    private PreparedBatch Make(int epoch, int[] order, int index, CancellationToken token)
    {
        var decoder = _folder.Decoder;
        var options = _folder.Options;
        var (height, width) = options.ImageSize;
        var start = index * BatchSize;
        var end = Math.Min(start + BatchSize, _files.Length);
        var values = new float[(end - start) * decoder.ImageLength];
        var labels = new List<long>(end - start);
        var parameters = new List<AffineParameters>(end - start);
        for (var position = start; position < end; position++)
        {
            token.ThrowIfCancellationRequested();
            var file = _files[order[position]];
            if (_folder.IsSkipped(file.Path))
            {
                continue;
            }

            try
            {
                decoder.Decode(file.Path, values.AsSpan(labels.Count * decoder.ImageLength, decoder.ImageLength));
            }
            catch (UnreadableImageException e)
            {
                _folder.Unreadable(file.Path, e.Problem, e);
                continue;
            }

            labels.Add(file.Label);
            if (_augmentation is not null)
            {
                // Drawn by position in the epoch, not by worker or order of completion.
                var random = new SplitMix64(_folder.Seed, 2, epoch, position);
                parameters.Add(_augmentation.Sample(ref random, height, width));
            }
        }

        if (labels.Count == 0)
        {
            throw new UnreadableImageException(_files[order[start]].Path, $"every file of batch {index} of the {Subset.ToString().ToLowerInvariant()} subset was unreadable and skipped");
        }

        // The warp and the rescale run on the pixels in managed code, and the flip per image, so
        // this worker starts no libtorch thread team over a whole batch (see AffineWarp).
        var length = labels.Count * decoder.ImageLength;
        if (_augmentation is not null)
        {
            for (var i = 0; i < labels.Count; i++)
            {
                AffineWarp.Warp(values, i, decoder.Channels, height, width, parameters[i], _augmentation.FillMode, (float)_augmentation.FillValue);
            }
        }

        if (options.Rescale != 1)
        {
            foreach (ref var value in values.AsSpan(0, length))
            {
                value *= options.Rescale;
            }
        }

        using var scope = NewDisposeScope();
        var images = tensor(length == values.Length ? values : values[..length], [labels.Count, decoder.Channels, height, width]);
        if (_augmentation is not null)
        {
            AffineWarp.FlipHorizontally(images, parameters);
        }

        var targets = Targets(labels);
        var batch = options.OutputName is { } output
            ? new Batch(new Dictionary<string, Tensor>(StringComparer.Ordinal) { [options.InputName] = images, [output] = targets })
            : new Batch(images, targets);
        scope.MoveToOuter(images, targets);
        return new PreparedBatch(batch, [images, targets]);
    }

    private Tensor Targets(List<long> labels)
    {
        using var indices = tensor(labels.ToArray(), ScalarType.Int64);
        return _folder.Options.LabelMode switch
        {
            LabelMode.Int => indices.clone(),
            LabelMode.Categorical => nn.functional.one_hot(indices, _folder.ClassNames.Count).to_type(ScalarType.Float32),
            _ => indices.to_type(ScalarType.Float32).unsqueeze(1),
        };
    }
}
