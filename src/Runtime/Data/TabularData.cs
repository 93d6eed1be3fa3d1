using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>A table read by <see cref="CsvLoader"/>: a feature matrix and a label vector.</summary>
/// <param name="Features">float32, [samples, features].</param>
/// <param name="Labels">float32 values, or int64 class ids with <see cref="CsvOptions.IntegerLabels"/>; [samples].</param>
/// <param name="FeatureNames">Names of the feature columns in order: from the header, or <c>column0</c>, <c>column1</c>... (the column's index in the file) without one.</param>
/// <param name="LabelName">The label column's name.</param>
public sealed record TabularData(Tensor Features, Tensor Labels, IReadOnlyList<string> FeatureNames, string LabelName) : IDisposable
{
    /// <summary>Frees both tensors.</summary>
    public void Dispose()
    {
        Features.Dispose();
        Labels.Dispose();
    }
}
