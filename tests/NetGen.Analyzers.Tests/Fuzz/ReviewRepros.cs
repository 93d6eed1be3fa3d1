using System.Collections.Generic;
using System.Linq;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The minimal repros of the reliability review (shared/reviews/reliability-review.md, section 1,
/// "Minimal repros"), each a whole file. On main at c3cd370 most break the invariant; the last
/// group is allowed by it (an NG error is reported) and is kept to show the invariant is not
/// "no error in generated code" but "no unexplained one".
/// </summary>
internal static class ReviewRepros
{
    private const string Usings = "using NetGen;\nusing TorchSharp.Modules;\n\n";

    public static readonly IReadOnlyDictionary<string, string> Sources = new Dictionary<string, string>
    {
        // Generator and analyzer crashes.
        ["MetricsNull"] = "[Network(Loss = Loss.BinaryCrossentropy, Metrics = null)] [Input(4)] public partial class N { [Dense(1, Activation.Sigmoid)] public partial Linear A { get; } }",
        ["MetricsNullNextToAnotherNetwork"] = "[Network(Loss = Loss.BinaryCrossentropy, Metrics = null)] [Input(4)] public partial class N { [Dense(1, Activation.Sigmoid)] public partial Linear A { get; } }\n"
            + "[Network] [Input(4)] public partial class Good { [Dense(2)] public partial Linear A { get; } }",
        ["InputNull"] = "[Network] [Input(null)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["InputDefault"] = "[Network] [Input(default)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["AddNull"] = "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear B { get; } [Add(null)] public partial NetGen.Layers.Add S { get; } [Dense(1)] public partial Linear A { get; } }",

        // Pure cascades: errors only in generated code, no NG diagnostic.
        ["LayerWithoutAccessibility"] = "[Network] [Input(4)] public partial class N { [Dense(1)] partial Linear A { get; } }",
        ["VirtualLayer"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public virtual partial Linear A { get; } }",
        ["NewLayer"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public new partial Linear A { get; } }",
        ["LayersDifferingByCase"] = "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear Hidden { get; } [Dense(1)] public partial Linear hidden { get; } }",
        ["LayerNamedLikeAField"] = "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear Hidden { get; } [Dense(1)] public partial Linear _hidden { get; } }",
        ["LayerNamed_s_description"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear s_description { get; } }",
        ["LayerNamedCreateDefaultCompileOptions"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear CreateDefaultCompileOptions { get; } }",
        ["GenericNetwork"] = "[Network] [Input(4)] public partial class N<T> { [Dense(1)] public partial Linear A { get; } }",
        ["MetricsDefault"] = "[Network(Metrics = [default])] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["MetricUndefined"] = "[Network(Metrics = [(Metric)77])] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["LossUndefined"] = "[Network(Loss = (Loss)99)] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["OptimizerUndefined"] = "[Network(Optimizer = (OptimizerKind)55)] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["EpsilonInfinity"] = "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear A { get; } [BatchNormalization(Epsilon = double.PositiveInfinity)] public partial BatchNorm1d Norm { get; } [Dense(1)] public partial Linear B { get; } }",
        ["InputNamedLikeAField"] = "[Network] [Input(4, Name = \"_b\")] public partial class N { [Dense(1)] public partial Linear B { get; } }",
        ["ClassNamedVar"] = "[Network] [Input(4)] public partial class var { [Dense(1)] public partial Linear A { get; } }",
        ["ClassNamedSystem"] = "[Network] [Input(4)] public partial class System { [Dense(1)] public partial Linear A { get; } }",
        ["LayerNamedKeyword"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear @int { get; } }",
        ["ClassNamedKeyword"] = "[Network] [Input(4)] public partial class @class { [Dense(1)] public partial Linear A { get; } }",
        ["FileLocalNetwork"] = "[Network] [Input(4)] file partial class N { [Dense(1)] public partial Linear A { get; } }",
        ["RecordNetwork"] = "[Network] [Input(4)] public partial record N { [Dense(1)] public partial Linear A { get; } }",

        // Silent placeholders: a clean build whose network throws on construction.
        ["AddWithNullInput"] = "[Network] [Input(4)] public partial class N { [Dense(4)] public partial Linear B { get; } [Add(null, nameof(B))] public partial NetGen.Layers.Add S { get; } [Dense(1)] public partial Linear A { get; } }",
        ["ConcatenateWithNullInput"] = "[Network] [Input(4)] public partial class N { [Concatenate(\"input\", null)] public partial NetGen.Layers.Concatenate C { get; } [Dense(1)] public partial Linear A { get; } }",

        // Allowed: generated errors next to an NG error (hidden by csc on the command line, but explained).
        ["LayerNamedForward"] = "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear forward { get; } }",
        ["LayerNamedDeclarationErrors"] = "[Network] [Input(4)] public partial class N { [Dense(0)] public partial Linear DeclarationErrors { get; } }",
    }.ToDictionary(static p => p.Key, static p => Usings + p.Value);
}
