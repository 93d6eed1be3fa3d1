using Microsoft.CodeAnalysis.CSharp;

namespace NetGen.Generator.Emit;

/// <summary>Small pieces of C# text shared by the emitters.</summary>
internal static class Code
{
    public const string Tensor = "global::TorchSharp.torch.Tensor";

    /// <summary>The parameters of a network's main constructor, which its placeholder declares too so calls keep compiling.</summary>
    public const string ConstructorParameters = "global::TorchSharp.torch.Device? device = null, global::TorchSharp.torch.ScalarType? dtype = null, long? seed = null";

    /// <summary>A C# string literal.</summary>
    public static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    /// <summary>Text escaped for an XML doc comment.</summary>
    public static string Xml(string text) => text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
