using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NetGen.Callbacks;
using NetGen.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Generative;

/// <summary>
/// Saves a PNG grid of generated samples every few epochs while a GAN trains, always from the same
/// latent vectors (drawn once, from <c>seed</c>), so the files show how the same points of the latent
/// space change from epoch to epoch. Files are <c>{prefix}-epoch-{NNN}.png</c> (the epoch counted from 1).
/// </summary>
public sealed class GeneratedImages : Callback
{
    private readonly string _directory;
    private readonly int _everyEpochs;
    private readonly int _count;
    private readonly long _seed;
    private readonly (int Channels, int Height, int Width)? _imageShape;
    private readonly Func<Tensor, Tensor> _toUnitRange;
    private readonly int _columns;
    private readonly int _scale;
    private readonly string _prefix;
    private readonly List<string> _written = new();
    private Tensor? _latent;

    /// <summary>Creates the callback.</summary>
    /// <param name="directory">Where the PNG files go; created when missing.</param>
    /// <param name="everyEpochs">Saves after epochs <paramref name="everyEpochs"/>, 2 × <paramref name="everyEpochs"/>, ... and after the last one.</param>
    /// <param name="count">Samples per grid.</param>
    /// <param name="seed">Seeds the latent vectors, drawn once when training begins.</param>
    /// <param name="imageShape">The (channels, height, width) of one image when the generator's output is flat (784 values for a 28 × 28 grey image); null when it already is (C, H, W).</param>
    /// <param name="toUnitRange">Maps the generator's outputs to [0, 1] (<see cref="FromTanh"/> for a tanh output); the identity when null.</param>
    /// <param name="columns">Images per row; a square-ish grid when 0.</param>
    /// <param name="scale">Pixels per image pixel.</param>
    /// <param name="prefix">The start of every file name.</param>
    public GeneratedImages(
        string directory,
        int everyEpochs = 1,
        int count = 64,
        long seed = 0,
        (int Channels, int Height, int Width)? imageShape = null,
        Func<Tensor, Tensor>? toUnitRange = null,
        int columns = 0,
        int scale = 1,
        string prefix = "samples")
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        if (everyEpochs < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(everyEpochs), everyEpochs, "Images are saved every one or more epochs.");
        }

        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A grid needs at least one image.");
        }

        if (imageShape is { } shape && (shape.Channels is not (1 or 3) || shape.Height < 1 || shape.Width < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(imageShape), shape, "An image has 1 (grey) or 3 (RGB) channels and a positive height and width.");
        }

        _directory = directory;
        _everyEpochs = everyEpochs;
        _count = count;
        _seed = seed;
        _imageShape = imageShape;
        _toUnitRange = toUnitRange ?? (static images => images);
        _columns = columns;
        _scale = scale;
        _prefix = prefix;
    }

    /// <summary>The files written so far, in order.</summary>
    public IReadOnlyList<string> Written => _written;

    /// <summary>Maps a tanh output in [-1, 1] to [0, 1].</summary>
    public static Tensor FromTanh(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        return images.add(Scalars.One, Scalars.One).div(Scalars.Two);
    }

    /// <summary>The path of the grid saved after <paramref name="epoch"/> (0-based).</summary>
    public string PathFor(int epoch) =>
        Path.Combine(_directory, $"{_prefix}-epoch-{(epoch + 1).ToString("000", CultureInfo.InvariantCulture)}.png");

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The network is not generative, or its samples are not images.</exception>
    public override void OnTrainBegin(TrainingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var network = Generative(context);
        var sample = network.SampleShape;
        var fits = _imageShape is { } shape
            ? sample.ElementCount == (long)shape.Channels * shape.Height * shape.Width
            : sample.Rank == 3 && sample[0].Size is 1 or 3;
        if (!fits)
        {
            throw new InvalidOperationException(
                _imageShape is { } given
                    ? $"GeneratedImages was given images of {given.Channels} x {given.Height} x {given.Width} but {network.Description.Name} generates samples of shape {sample}."
                    : $"{network.Description.Name} generates samples of shape {sample}, not (channels, height, width) images: give GeneratedImages their imageShape.");
        }

        Directory.CreateDirectory(_directory);
        _latent?.Dispose();
        _latent = network.SampleLatent(_count, _seed).DetachFromDisposeScope();
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_latent is null || ((epoch + 1) % _everyEpochs != 0 && epoch + 1 != context.Epochs))
        {
            return;
        }

        using var scope = NewDisposeScope();
        var images = _toUnitRange(Generative(context).Generate(_latent));
        if (_imageShape is { } shape)
        {
            images = images.reshape(images.size(0), shape.Channels, shape.Height, shape.Width);
        }

        var path = PathFor(epoch);
        ImageGrid.Save(images.cpu(), path, _columns, scale: _scale);
        _written.Add(path);
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        _latent?.Dispose();
        _latent = null;
    }

    private static IGenerativeNetwork Generative(TrainingContext context) =>
        context.Network as IGenerativeNetwork
        ?? throw new InvalidOperationException($"GeneratedImages saves a generator's samples; {context.Network.Description.Name} is not a generative network (a Gan).");
}
