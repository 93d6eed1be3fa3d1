using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>Images with one class label each, channels first, and the names of the classes.</summary>
/// <param name="Images">(samples, channels, height, width): float32 in [0, 1], or uint8 with <see cref="PixelValues.Bytes"/>.</param>
/// <param name="Labels">int64 class ids, (samples); label <c>i</c> is <c>ClassNames[i]</c>.</param>
/// <param name="ClassNames">One name per class id.</param>
public sealed record LabeledImages(Tensor Images, Tensor Labels, IReadOnlyList<string> ClassNames) : IDisposable
{
    /// <summary>The number of images.</summary>
    public long Count => Images.shape[0];

    /// <summary>
    /// The images of some classes only, relabelled in the order given: <c>SelectClasses(5, 6, 7, 8, 9)</c>
    /// turns class 5 into 0, 6 into 1... and keeps those five names. The images keep their order.
    /// </summary>
    /// <param name="classes">Distinct class ids of this data.</param>
    /// <returns>New tensors with this data's <see cref="DataRole"/>; this data is unchanged (dispose both).</returns>
    /// <exception cref="ArgumentException">No class is given, one is repeated, or one is not a class of this data.</exception>
    public LabeledImages SelectClasses(params int[] classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Length == 0)
        {
            throw new ArgumentException("Select at least one class.", nameof(classes));
        }

        var newIds = new Dictionary<long, long>();
        foreach (var id in classes)
        {
            if (id < 0 || id >= ClassNames.Count)
            {
                throw new ArgumentException(
                    $"Class {id.ToString(CultureInfo.InvariantCulture)} is not one of the {ClassNames.Count.ToString(CultureInfo.InvariantCulture)} classes (0 to {(ClassNames.Count - 1).ToString(CultureInfo.InvariantCulture)}).",
                    nameof(classes));
            }

            if (!newIds.TryAdd(id, newIds.Count))
            {
                throw new ArgumentException($"Class {id.ToString(CultureInfo.InvariantCulture)} ({ClassNames[id]}) is selected twice.", nameof(classes));
            }
        }

        var labels = Labels.cpu().to_type(ScalarType.Int64).data<long>().ToArray();
        var rows = new List<long>();
        var relabelled = new List<long>();
        for (var row = 0; row < labels.Length; row++)
        {
            if (newIds.TryGetValue(labels[row], out var newId))
            {
                rows.Add(row);
                relabelled.Add(newId);
            }
        }

        using var index = tensor(rows.ToArray(), device: Images.device);
        return new LabeledImages(
            DataRoles.Keep(Images.index_select(0, index), Images),
            DataRoles.Keep(tensor(relabelled.ToArray(), device: Labels.device), Labels),
            classes.Select(c => ClassNames[c]).ToArray());
    }

    /// <summary>The first <paramref name="count"/> images (all of them when there are fewer).</summary>
    /// <returns>New tensors with this data's <see cref="DataRole"/>; this data is unchanged (dispose both).</returns>
    public LabeledImages Take(long count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var kept = Math.Min(count, Count);
        return new LabeledImages(DataRoles.Keep(Images[..(int)kept].clone(), Images), DataRoles.Keep(Labels[..(int)kept].clone(), Labels), ClassNames);
    }

    /// <summary>How many images each class has, by class id.</summary>
    public long[] CountPerClass()
    {
        using var counts = Labels.cpu().bincount(weights: null, minlength: ClassNames.Count);
        return counts.data<long>().ToArray();
    }

    /// <summary>Gives both tensors <paramref name="role"/>; a null role leaves them as they are.</summary>
    internal LabeledImages WithRole(DataRole? role)
    {
        DataRoles.Mark(Images, role);
        DataRoles.Mark(Labels, role);
        return this;
    }

    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
