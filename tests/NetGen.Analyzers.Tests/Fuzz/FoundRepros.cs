using System.Collections.Generic;
using System.Linq;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Root causes this fuzzer found on main at c3cd370 beyond the review's repros, each reduced by
/// hand from a campaign's mutant (seed 11) to one whole file that breaks the invariant there.
/// </summary>
internal static class FoundRepros
{
    private const string Usings = "using NetGen;\nusing TorchSharp.Modules;\n\n";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        // The analyzer parses structs the generator skips, and throws where the generator would: AD0001 alone.
        ["StructWithMetricsNull"] = "[Network(Metrics = null)] [Input(4)] public partial struct N { [Dense(1)] public partial Linear A { get; } }",

        // The network's own name collides with a generated member: CS0542 "member names cannot be the same as their enclosing type".
        ["NetworkNamedLikeALayerField"] = "[Network] [Input(4)] public partial class _a { [Dense(1)] public partial Linear A { get; } }",
        ["NetworkNamedOutputShape"] = "[Network] [Input(4)] public partial class OutputShape { [Dense(1)] public partial Linear A { get; } }",
        ["NetworkNamedForward"] = "[Network] [Input(4)] public partial class forward { [Dense(1)] public partial Linear A { get; } }",

        // The generator adds [GeneratedCode] to a class that already has it: CS0579.
        ["NetworkAlreadyMarkedGeneratedCode"] = "[System.CodeDom.Compiler.GeneratedCode(\"x\", \"1\")] [Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }",

        // A containing type's name is emitted without its '@' (the review's @class, one level up).
        ["ContainingTypeNamedWithKeyword"] = "public partial class @default { [Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } } }",

        // A ref-returning layer property: the implementation drops 'ref', CS8818.
        ["RefLayer"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public partial ref Linear A { get; } }",

        // [GeneratedCode] on a layer makes Roslyn treat it as generated code, which the analyzer
        // skips: NG0012 for Dense(0) is never reported, yet the generator emits its placeholder.
        ["NgErrorHiddenByGeneratedCodeOnLayer"] = "[Network] [Input(4)] public partial class N { [System.CodeDom.Compiler.GeneratedCode(\"x\", \"1\")] [Dense(0)] public partial Linear A { get; } }",

        // Found by the 100,000-mutant campaign after core v2: '#pragma warning disable' silenced
        // the NG error that blocks generation (NG0005 here), leaving a placeholder in a clean build.
        ["PragmaHidesAnErrorThatBlocksGeneration"] = "[Network] [Input(4)] public partial class N {\n#pragma warning disable\n[Dense(1)] public Linear A { get; } = null!; }",
    }.ToDictionary(static p => p.Key, static p => Usings + p.Value);
}
