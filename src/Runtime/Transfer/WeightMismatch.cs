using System.Collections.Generic;
using NetGen.IO;
using static TorchSharp.torch;

namespace NetGen;

/// <summary>A tensor both networks have under the same name, which cannot be loaded: its shape (or element type) differs.</summary>
/// <param name="Name">The <c>state_dict</c> key, e.g. <c>Classes.weight</c>.</param>
/// <param name="SourceShape">Its shape in the source.</param>
/// <param name="TargetShape">Its shape in the target.</param>
/// <param name="SourceType">Its element type in the source.</param>
/// <param name="TargetType">Its element type in the target.</param>
public sealed record WeightMismatch(string Name, IReadOnlyList<long> SourceShape, IReadOnlyList<long> TargetShape, ScalarType SourceType, ScalarType TargetType)
{
    /// <summary><c>Classes.weight is [10, 32] in the source but [5, 32] in the target</c>.</summary>
    public override string ToString() =>
        WeightsFit.CanLoad(SourceType, TargetType)
            ? $"{Name} is {WeightsShape.Format(SourceShape)} in the source but {WeightsShape.Format(TargetShape)} in the target"
            : $"{Name} is {SourceType} {WeightsShape.Format(SourceShape)} in the source but {TargetType} {WeightsShape.Format(TargetShape)} in the target";
}
