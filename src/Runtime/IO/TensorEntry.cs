using static TorchSharp.torch;

namespace NetGen.IO;

/// <summary>What a weights file says about one tensor, read without reading its data.</summary>
internal sealed record TensorEntry(ScalarType DType, long[] Shape)
;
