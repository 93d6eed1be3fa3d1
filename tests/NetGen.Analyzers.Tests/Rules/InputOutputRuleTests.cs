using System.Threading.Tasks;
using NetGen.Analyzers.Tests.Infrastructure;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0013-NG0020: declarations, several inputs and outputs, names, enum values.</summary>
public sealed class InputOutputRuleTests
{
    [Fact]
    public async Task NG0013_Record_ReportedOnTheName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial record {|NG0013:Net|}
            {
                [Dense(2)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Network 'Net' must be a class, not a record", MessageOf(diagnostics, "NG0013"));
    }

    [Fact]
    public Task NG0013_GenericAndBaseClassAndVar_ReportedOnTheName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network] [Input(4)] public partial class {|NG0013:Generic|}<T> { [Dense(2)] public partial Linear Output { get; } }
        [Network] [Input(4)] public partial class {|NG0013:Derived|} : System.Collections.Generic.List<int> { [Dense(2)] public partial Linear Output { get; } }
        [Network] [Input(4)] public partial class {|NG0013:var|} { [Dense(2)] public partial Linear Output { get; } }
        """);

    [Fact]
    public async Task NG0013_ATypeNamedVarInScope_ReportedOnTheName_OneElsewhereSilent()
    {
        // With a type named var in scope, 'var x = ...' in generated code would mean that type (fuzz seed 11 found it
        // as a cascade of CS0029 in generated code): NG0013 and a placeholder instead.
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            namespace Lab
            {
                public sealed class var { }

                [Network] [Input(4)] public partial class {|NG0013:Beside|} { [Dense(2)] public partial Linear Output { get; } }

                namespace Inner
                {
                    [Network] [Input(4)] public partial class {|NG0013:Below|} { [Dense(2)] public partial Linear Output { get; } }
                }
            }

            namespace Other
            {
                [Network] [Input(4)] public partial class {|NG0013:Holding|} { [Dense(2)] public partial Linear Output { get; } public sealed class var { } }

                [Network] [Input(4)] public partial class Apart { [Dense(2)] public partial Linear Output { get; } }
            }
            """);

        Assert.Contains(diagnostics, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "Network 'Beside' must be named, and inside types named, something other than 'var', with no type named 'var' in its scope (generated code declares its locals with var)");
    }

    [Fact]
    public Task NG0013_AGlobalTypeNamedSystem_ReportedOnTheName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        // Next to a global type named System, nothing generated could name global::System: the
        // layers stay unimplemented (CS9248) and NG0013 says why.
        [Network] [Input(4)] public partial class {|NG0013:System|} { [Dense(2)] public partial Linear {|CS9248:Output|} { get; } }
        """);

    [Fact]
    public async Task NG0013_TheNameOfAGeneratedMember_ReportedOnTheName()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial class {|NG0013:OutputShape|} { [Dense(2)] public partial Linear Output { get; } }
            """);

        Assert.Contains(diagnostics, static d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)
            == "Network 'OutputShape' must be named differently from 'OutputShape', a member NetGen generates in it");
    }

    [Fact]
    public Task NG0013_ANetworkAlreadyMarkedGeneratedCodeAndOneInsideANamespaceNamedSystem_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        namespace Lab
        {
            [System.CodeDom.Compiler.GeneratedCode("tool", "1")]
            [Network] [Input(4)] public partial class Marked { [Dense(2)] public partial Linear Output { get; } }

            public static partial class Holder
            {
                [Network] [Input(4)] public partial class System { [Dense(2)] public partial Linear Output { get; } }
            }
        }
        """);

    [Fact]
    public Task NG0013_PlainClassesNestedOrNot_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network] [Input(4)] public sealed partial class Sealed { [Dense(2)] public partial Linear Output { get; } }
        public static partial class Outer
        {
            [Network] [Input(4)] internal partial class Nested { [Dense(2)] public partial Linear Output { get; } }
        }
        """);

    [Fact]
    public async Task NG0014_TwoInputsWithoutNames_ReportedOnTheSecond()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(3)]
            [Input({|NG0014:2|})]
            public partial class Net
            {
                [Dense(2, From = "input")] public partial Linear Output { get; }
            }
            """);

        Assert.Equal("Input name \"input\" of network 'Net' is already the name of another input; give each [Input] its own Name", MessageOf(diagnostics, "NG0014"));
    }

    [Fact]
    public Task NG0014_EmptyName_ReportedOnTheName() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, Name = {|NG0014:""|})]
        public partial class Net
        {
            [Dense(2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0015_SevenInputs_ReportedOnTheSeventh() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, Name = "a")] [Input(1, Name = "b")] [Input(1, Name = "c")] [Input(1, Name = "d")] [Input(1, Name = "e")] [Input(1, Name = "f")]
        [{|NG0015:Input(1, Name = "g")|}]
        public partial class Net
        {
            [Concatenate("a", "b", "c", "d", "e", "f", "g")] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0015_SixInputs_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(1, Name = "a")] [Input(1, Name = "b")] [Input(1, Name = "c")] [Input(1, Name = "d")] [Input(1, Name = "e")] [Input(1, Name = "f")]
        public partial class Net
        {
            [Concatenate("a", "b", "c", "d", "e", "f")] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0016_ImplicitInputFromAnotherFile_ReportedOnTheAttribute() => VerifyAsync(
        new[]
        {
            """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
            }
            """,
            """
            using NetGen;
            using TorchSharp.Modules;

            public partial class Net
            {
                [{|NG0016:Dense(1)|}] public partial Linear Output { get; }
            }
            """,
        },
        new AnalyzerTestOptions());

    [Fact]
    public Task NG0016_ExplicitFromAcrossFilesAndImplicitWithinAFile_Silent() => VerifyAsync(
        new[]
        {
            """
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(8, Activation.ReLU)] public partial Linear Hidden { get; }
            }
            """,
            """
            using NetGen;
            using TorchSharp.Modules;

            public partial class Net
            {
                [Dense(4, Activation.ReLU, From = nameof(Hidden))] public partial Linear Middle { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """,
        },
        new AnalyzerTestOptions());

    [Fact]
    public async Task NG0017_UndefinedEnumValues_ReportedOnEachArgument()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = {|NG0017:(Loss)99|}, Metrics = [Metric.Accuracy, {|NG0017:(Metric)77|}])]
            [Input(4)]
            public partial class Net
            {
                [Dense(1, {|NG0017:(Activation)42|})] public partial Linear Output { get; }
            }
            """);

        Assert.Contains(diagnostics, static d => d.Id == "NG0017" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture) == "(Activation)42 is not a defined Activation value (activation)");
    }

    [Fact]
    public Task NG0017_DefinedValuesAndCastsOfThem_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = (Loss)3, Metrics = [(Metric)1])]
        [Input(4)]
        public partial class Net
        {
            [Dense(1, (Activation)2)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0018_OutputOnAMethod_ReportedOnTheMember() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            [Dense(1)] public partial Linear Output { get; }

            [Output] public int {|NG0018:Helper|} => 1;
        }
        """);

    [Fact]
    public async Task NG0019_MemberNamedLikeARuntimeMethod_ReportedOnTheMember()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            [Network]
            [Input(4)]
            public partial class Net
            {
                [Dense(1)] public partial Linear Output { get; }

                public string {|NG0019:Summary|}() => "";
            }
            """);

        Assert.Equal("Member 'Summary' has the name of a member every network has; rename it", MessageOf(diagnostics, "NG0019"));
    }

    [Fact]
    public Task NG0019_NamesOfPrivateGeneratedMembers_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(4)]
        public partial class Net
        {
            private int _output;
            private static readonly int s_description = 1;
            private int Forward() => _output + s_description;
            private int CreateDefaultCompileOptions() => Forward();

            [Dense(2, Activation.ReLU)] public partial Linear Output { get; }
            [Dense(1)] public partial Linear output { get; }
        }
        """);

    [Fact]
    public Task NG0020_FirstLayerOfTwoInputs_ReportedOnTheAttribute() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network]
        [Input(3, Name = "wide")]
        [Input(2, Name = "deep")]
        public partial class Net
        {
            [{|NG0020:Dense(8)|}] public partial Linear Deep { get; }
            [Concatenate("wide", nameof(Deep))] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task SeveralInputsAndOutputs_Silent() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae])]
        [Input(3, Name = "wide")]
        [Input(2, Name = "deep")]
        public partial class Net
        {
            [Dense(8, From = "deep")] public partial Linear Deep { get; }
            [Concatenate("wide", nameof(Deep))] public partial NetGen.Layers.Concatenate Joined { get; }
            [Output] [Dense(1)] public partial Linear Price { get; }
            [Output(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy])] [Dense(1, Activation.Sigmoid, From = nameof(Joined))] public partial Linear Kind { get; }
        }
        """);
}
