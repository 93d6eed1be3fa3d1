using System.Collections.Generic;

namespace NetGen.IO;

/// <summary>A tensor present in both a weights file and a network, with different shapes.</summary>
/// <param name="Name">The <c>state_dict</c> key, e.g. <c>Hidden1.weight</c>.</param>
/// <param name="FileShape">Its shape in the file.</param>
/// <param name="ModelShape">Its shape in the network.</param>
public sealed record ShapeMismatch(string Name, IReadOnlyList<long> FileShape, IReadOnlyList<long> ModelShape)
{
    /// <summary><c>Hidden1.weight is [12, 30] in the file but [12, 8] in the model</c>.</summary>
    public override string ToString() =>
        $"{Name} is {WeightsShape.Format(FileShape)} in the file but {WeightsShape.Format(ModelShape)} in the model";
}
