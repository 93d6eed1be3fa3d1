using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>Fashion-MNIST's training and test splits, and where they were read from.</summary>
/// <param name="Train">Training images, (samples, 1, 28, 28), and their labels.</param>
/// <param name="Test">Test images and labels: keep them for the final evaluation (carve validation data from <paramref name="Train"/>).</param>
/// <param name="Source">Whether this is the full set, the repository's subset, or a directory the caller named.</param>
/// <param name="Directory">The directory the files were read from.</param>
public sealed record FashionMnistData(LabeledImages Train, LabeledImages Test, FashionMnistSource Source, string Directory) : IDisposable
{
    /// <summary>The names of the classes, by label (all ten, or the selected ones in their new order).</summary>
    public IReadOnlyList<string> ClassNames => Train.ClassNames;

    /// <summary>A one-line description for logs, e.g. <c>full set from /usr/share/datasets/fashion-mnist: 60,000 training and 10,000 test images, 10 classes</c>.</summary>
    public string Description =>
        (Source switch
        {
            FashionMnistSource.FullSet => "full set",
            FashionMnistSource.Subset => "subset shipped with NetGen",
            _ => "files",
        })
        + $" from {Directory}: {IdxFile.Count(Train.Count)} training and {IdxFile.Count(Test.Count)} test {Images(Test.Count)}, {ClassNames.Count} classes";

    /// <summary>Frees the tensors of both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }

    private static string Images(long count) => count == 1 ? "image" : "images";
}
