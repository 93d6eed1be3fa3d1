using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using static TorchSharp.torch;

namespace NetGen.Data.Images;

/// <summary>
/// A folder of images, one sub-folder per class (<c>root/cat/*.png</c>, <c>root/dog/*.jpg</c>), as
/// batches for <c>Fit</c>, <c>Evaluate</c> and <c>Predict</c> (Keras's
/// <c>image_dataset_from_directory</c> with <c>ImageDataGenerator</c>'s augmentation). Class names
/// are the folder names in ordinal order; the file list is built and split once, when the folder is
/// opened. PNG, JPEG, BMP, GIF (first frame) and WebP files are read, in sub-folders too.
/// </summary>
/// <example>
/// <code>
/// var folder = ImageFolder.Open("flowers", new ImageFolderOptions
/// {
///     ImageSize = (64, 64), Rescale = 1 / 255f, ValidationSplit = 0.2, Seed = 42,
/// });
/// var augmentation = new ImageAugmentation { RotationRange = 20, WidthShiftRange = 0.1, HorizontalFlip = true };
/// model.Fit(folder.Training(batchSize: 32, augmentation), epochs: 10, validationData: folder.Validation(batchSize: 32));
/// var probabilities = model.Predict(folder.LoadImage("rose.jpg"));
/// </code>
/// </example>
public sealed class ImageFolder
{
    private static readonly string[] s_extensions = [".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp"];

    private readonly ConcurrentDictionary<string, SkippedImage> _skipped = new(StringComparer.Ordinal);
    private readonly object _warningLock = new();
    private readonly LabeledImage[] _training;
    private readonly LabeledImage[] _validation;

    private ImageFolder(string root, ImageFolderOptions options, IReadOnlyList<string> classNames, int seed)
    {
        Root = root;
        Options = options;
        ClassNames = classNames;
        Seed = seed;
        Decoder = new ImageDecoder(options.ImageSize.Height, options.ImageSize.Width, options.ColorMode, options.Interpolation);

        var candidates = classNames
            .SelectMany((name, label) => Directory.EnumerateFiles(Path.Combine(root, name), "*", SearchOption.AllDirectories)
                .Where(static path => s_extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .Select(path => new LabeledImage(path, label)))
            .ToArray();

        // Headers are read in parallel (a folder may hold tens of thousands of files) and judged in order.
        var problems = new string?[candidates.Length];
        Parallel.For(0, candidates.Length, i => problems[i] = ImageDecoder.ProbeHeader(candidates[i].Path));
        var files = new List<LabeledImage>(candidates.Length);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (problems[i] is { } problem)
            {
                Unreadable(candidates[i].Path, problem, null);
                continue;
            }

            files.Add(candidates[i]);
        }

        if (files.Count == 0)
        {
            throw new ArgumentException($"The image folder '{root}' has no readable image files ({string.Join(", ", s_extensions)}) in its class folders {Quote(classNames)}.", nameof(root));
        }

        Files = files;

        // As Keras: one seeded shuffle of the whole list, the last fraction held out for validation.
        var shuffled = files.ToArray();
        new SplitMix64(seed, 0).Shuffle(shuffled);
        var validationCount = (int)(options.ValidationSplit * shuffled.Length);
        if (options.ValidationSplit > 0 && (validationCount == 0 || validationCount == shuffled.Length))
        {
            throw new ArgumentException(
                $"A validation split of {options.ValidationSplit} of the {shuffled.Length} images in '{root}' leaves {(validationCount == 0 ? "no validation" : "no training")} images.",
                nameof(options));
        }

        // Each subset is then listed in file order: the split is random, the listing need not be.
        var position = files.Select(static (file, index) => (file, index)).ToDictionary(static p => p.file, static p => p.index);
        _training = shuffled[..^validationCount].OrderBy(file => position[file]).ToArray();
        _validation = shuffled[^validationCount..].OrderBy(file => position[file]).ToArray();
    }

    /// <summary>The folder's full path.</summary>
    public string Root { get; }

    /// <summary>The options it was opened with.</summary>
    public ImageFolderOptions Options { get; }

    /// <summary>The class names, in class-index order.</summary>
    public IReadOnlyList<string> ClassNames { get; }

    /// <summary>The seed of the split, shuffling and augmentation (the options' seed, or the one drawn).</summary>
    public int Seed { get; }

    /// <summary>Every file with a readable image header, with its class, by class and then ordinal path.</summary>
    public IReadOnlyList<LabeledImage> Files { get; }

    /// <summary>The training subset's files, in file order (all files without a validation split).</summary>
    public IReadOnlyList<LabeledImage> TrainingFiles => _training;

    /// <summary>The validation subset's files, in file order (none without a validation split).</summary>
    public IReadOnlyList<LabeledImage> ValidationFiles => _validation;

    /// <summary>The files left out so far under <see cref="UnreadableImagePolicy.Skip"/>: found unreadable when opening, or when decoding a batch.</summary>
    public IReadOnlyList<SkippedImage> SkippedFiles => _skipped.Values.OrderBy(static s => s.Path, StringComparer.Ordinal).ToList();

    internal ImageDecoder Decoder { get; }

    /// <summary>Opens <paramref name="root"/>: finds the classes and files and makes the split.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder, or a class folder named in the options, does not exist.</exception>
    /// <exception cref="UnreadableImageException">A file has no decodable image header (unless skipping).</exception>
    public static ImageFolder Open(string root, ImageFolderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        options ??= new ImageFolderOptions();
        options.Validate();
        var full = Path.GetFullPath(root);
        if (!Directory.Exists(full))
        {
            throw new DirectoryNotFoundException($"The image folder '{full}' does not exist.");
        }

        IReadOnlyList<string> classNames;
        if (options.ClassNames is { } named)
        {
            if (named.Count == 0 || named.Distinct(StringComparer.Ordinal).Count() != named.Count)
            {
                throw new ArgumentException("ClassNames must list at least one class, each once.", nameof(options));
            }

            foreach (var name in named)
            {
                if (!Directory.Exists(Path.Combine(full, name)))
                {
                    throw new DirectoryNotFoundException($"The class folder '{name}' is not in '{full}'.");
                }
            }

            classNames = named.ToArray();
        }
        else
        {
            classNames = Directory.GetDirectories(full).Select(static d => Path.GetFileName(d)!).Order(StringComparer.Ordinal).ToArray();
            if (classNames.Count == 0)
            {
                throw new ArgumentException($"The image folder '{full}' has no class folders; put each class's images in a sub-folder named after it.", nameof(root));
            }
        }

        if (options.LabelMode == LabelMode.Binary && classNames.Count != 2)
        {
            throw new ArgumentException($"Binary labels need exactly two classes; '{full}' has {classNames.Count}: {Quote(classNames)}.", nameof(options));
        }

        return new ImageFolder(full, options, classNames, options.Seed ?? Random.Shared.Next());
    }

    /// <summary>
    /// The training subset as batches, reshuffled every epoch and, given an augmentation, randomly
    /// transformed: each enumeration (each epoch of <c>Fit</c>) draws new shuffles and transforms
    /// from the folder's seed, so the n-th epoch is the same in every run.
    /// </summary>
    /// <param name="batchSize">Images per batch; the last batch may be smaller.</param>
    /// <param name="augmentation">Random changes to the images; none when null.</param>
    /// <param name="shuffle">Whether the order changes every epoch.</param>
    /// <param name="cancellationToken">Stops the workers; a waiting enumeration throws <see cref="OperationCanceledException"/>.</param>
    public ImageBatches Training(int batchSize = 32, ImageAugmentation? augmentation = null, bool shuffle = true, CancellationToken cancellationToken = default)
    {
        augmentation?.Validate();
        return new ImageBatches(this, ImageSubset.Training, _training, batchSize, shuffle, augmentation, cancellationToken);
    }

    /// <summary>The validation subset as batches, in a fixed order and never augmented.</summary>
    /// <exception cref="InvalidOperationException">The folder was opened without a validation split.</exception>
    public ImageBatches Validation(int batchSize = 32, CancellationToken cancellationToken = default)
    {
        if (_validation.Length == 0)
        {
            throw new InvalidOperationException($"The image folder '{Root}' was opened without a validation split; set ImageFolderOptions.ValidationSplit to hold out validation images.");
        }

        return new ImageBatches(this, ImageSubset.Validation, _validation, batchSize, shuffle: false, augmentation: null, cancellationToken);
    }

    /// <summary>
    /// Every image of a folder opened without a validation split (a test set), in class and path
    /// order unless shuffled, never augmented.
    /// </summary>
    /// <exception cref="InvalidOperationException">The folder has a validation split: use <see cref="Training"/> and <see cref="Validation"/>.</exception>
    public ImageBatches All(int batchSize = 32, bool shuffle = false, CancellationToken cancellationToken = default)
    {
        if (_validation.Length > 0)
        {
            throw new InvalidOperationException($"The image folder '{Root}' is split into training and validation subsets; All() would mix them. Use Training() and Validation().");
        }

        // A folder named test (images/test) is a test set; one named train, a training set.
        return DataRoles.Mark(new ImageBatches(this, ImageSubset.All, Files.ToArray(), batchSize, shuffle, augmentation: null, cancellationToken), DataRoles.OfFileName(Root));
    }

    /// <summary>One image file loaded as this folder loads its images (size, channels, rescale; no augmentation), shaped (1, C, H, W), for <c>Predict</c>.</summary>
    /// <exception cref="UnreadableImageException">The file cannot be read or decoded.</exception>
    public Tensor LoadImage(string path) => LoadImage(path, Options);

    /// <summary>One image file loaded with <paramref name="options"/>' size, channels, interpolation and rescale, shaped (1, C, H, W).</summary>
    /// <exception cref="UnreadableImageException">The file cannot be read or decoded.</exception>
    public static Tensor LoadImage(string path, ImageFolderOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var decoder = new ImageDecoder(options.ImageSize.Height, options.ImageSize.Width, options.ColorMode, options.Interpolation);
        var values = new float[decoder.ImageLength];
        decoder.Decode(Path.GetFullPath(path), values);
        if (options.Rescale != 1)
        {
            for (var i = 0; i < values.Length; i++)
            {
                values[i] *= options.Rescale;
            }
        }

        return tensor(values, [1, decoder.Channels, options.ImageSize.Height, options.ImageSize.Width]);
    }

    /// <summary>Whether <paramref name="path"/> was skipped already (so later epochs do not decode it again).</summary>
    internal bool IsSkipped(string path) => _skipped.ContainsKey(path);

    /// <summary>Throws for <paramref name="path"/>, or records and reports it under <see cref="UnreadableImagePolicy.Skip"/>.</summary>
    internal void Unreadable(string path, string problem, Exception? cause)
    {
        if (Options.UnreadableFiles == UnreadableImagePolicy.Throw)
        {
            throw cause as UnreadableImageException ?? new UnreadableImageException(path, problem, cause);
        }

        if (_skipped.TryAdd(path, new SkippedImage(path, problem)))
        {
            lock (_warningLock)
            {
                (Options.Warnings ?? Console.Error).WriteLine($"warning: skipping image '{path}': {problem}.");
            }
        }
    }

    private static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(static n => "'" + n + "'"));
}
