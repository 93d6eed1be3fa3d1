using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>A table split into a feature matrix and a label vector.</summary>
/// <param name="Features">float32, [samples, features].</param>
/// <param name="Labels">float32 or int64, [samples].</param>
/// <param name="FeatureNames">Column names from the header, or <c>column0</c>, <c>column1</c>... without one.</param>
/// <param name="LabelName">The label column's name.</param>
public sealed record TabularData(Tensor Features, Tensor Labels, IReadOnlyList<string> FeatureNames, string LabelName);
