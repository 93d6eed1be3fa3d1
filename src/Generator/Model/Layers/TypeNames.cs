namespace NetGen.Model.Layers;

/// <summary>Fully qualified names generated code uses, so that no user type can shadow them.</summary>
internal static class TypeNames
{
    public const string Torch = "global::TorchSharp.torch";
    public const string Tensor = "global::TorchSharp.torch.Tensor";
    public const string Layers = "global::NetGen.Layers";
}
