namespace NetGen.Model;

/// <summary>
/// Keys of the values an <see cref="Issue"/> gives its code fix through the diagnostic's properties.
/// This file is compiled into the code-fix assembly as well, so both sides spell the keys once.
/// </summary>
internal static class FixProperties
{
    /// <summary>NG0006: the metadata name of the module type the layer needs (<c>TorchSharp.Modules.Linear</c>).</summary>
    public const string ModuleType = "NetGen.ModuleType";

    /// <summary>NG0201: present when the single softmax unit is an output, where a sigmoid is the binary classifier meant.</summary>
    public const string BinaryOutput = "NetGen.BinaryOutput";
}
