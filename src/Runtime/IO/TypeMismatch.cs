using static TorchSharp.torch;

namespace NetGen.IO;

/// <summary>
/// A tensor present in both a weights file and a network, with an element type that cannot be
/// loaded into the network's (see <see cref="WeightsMismatchException"/> for the conversions allowed).
/// </summary>
/// <param name="Name">The <c>state_dict</c> key, e.g. <c>Hidden1.weight</c>.</param>
/// <param name="FileType">Its element type in the file.</param>
/// <param name="ModelType">Its element type in the network.</param>
public sealed record TypeMismatch(string Name, ScalarType FileType, ScalarType ModelType)
{
    /// <summary><c>Hidden1.weight is Bool in the file but Float32 in the model</c>.</summary>
    public override string ToString() => $"{Name} is {FileType} in the file but {ModelType} in the model";
}
