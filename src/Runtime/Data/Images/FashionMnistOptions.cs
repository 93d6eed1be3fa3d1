using System;
using System.IO;

namespace NetGen.Data;

/// <summary>Where <see cref="FashionMnist.Load"/> looks for the files, and which part of the data it returns.</summary>
public sealed class FashionMnistOptions
{
    /// <summary>A directory that must hold the four files; when set, nothing else is searched.</summary>
    public string? Directory { get; set; }

    /// <summary>Whether the full set in <see cref="FashionMnist.FullSetDirectory"/> is used when it is installed (the default); false always takes the subset.</summary>
    public bool UseFullSet { get; set; } = true;

    /// <summary>
    /// Where the subset is when the full set is not used: by default <c>Data/fashion-mnist</c> beside
    /// the application (the samples copy the repository's <c>samples/Data/fashion-mnist</c> there).
    /// </summary>
    public string SubsetDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "Data", "fashion-mnist");

    /// <summary>
    /// Keep only these classes, relabelled in this order (<c>[5, 6, 7, 8, 9]</c> makes Sandal class 0);
    /// null keeps all ten. Applied before the maximum counts.
    /// </summary>
    public int[]? Classes { get; set; }

    /// <summary>At most this many training images (the first ones of the selected classes); null keeps all.</summary>
    public int? MaxTrainCount { get; set; }

    /// <summary>At most this many test images (the first ones of the selected classes); null keeps all.</summary>
    public int? MaxTestCount { get; set; }

    /// <summary>float32 in [0, 1] (the default), or the bytes as stored.</summary>
    public PixelValues Pixels { get; set; } = PixelValues.Rescaled;
}
