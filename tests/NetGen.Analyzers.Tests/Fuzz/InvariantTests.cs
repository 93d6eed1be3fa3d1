using System;
using System.IO;
using System.Linq;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// The harness itself: what the invariant allows (so a failure means NetGen, not an over-strict
/// check), that a hang is caught, and that saved mutants replay byte for byte.
/// </summary>
public sealed class InvariantTests
{
    private const string Usings = "using NetGen;\nusing TorchSharp.Modules;\n\n";

    public static TheoryData<string, string> Allowed() => new()
    {
        // An NG error explains whatever the generator did.
        { "NG error", "[Network] [Input(4)] public partial class N { [Dense(0)] public partial Linear A { get; } }" },
        // The user's own syntax error: the generator may do anything short of throwing.
        { "syntax error", "[Network] [Input(4)] public partial class N { [Dense(1, Activation.] public partial Linear A { get; } }" },
        // A partial property outside any network is the user's to implement (plain C#).
        { "plain C#", "public partial class N { [Dense(1)] public partial Linear A { get; } }" },
        // A partial property without a NetGen attribute inside a network is the user's too.
        { "unmarked member", "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } public partial int Count { get; } }" },
        // Uses of generated members compile once the generator ran (errors it fixes are nobody's).
        // A layer attribute on the class naming a generated member: the compiler checks the attribute's
        // target (CS0592) only once nameof(forward) binds, that is after generation. The error is the user's.
        { "misplaced attribute binding a generated member", "[Network] [Input(4), Dense(1, From = nameof(forward))] public partial class N { [Dense(1)] public partial Linear A { get; } }" },
        // [Output] on a [LossTerm] method is the user's CS0592, but analysis still reads it: a loss on a scalar
        // output once threw in the unit checks (fuzz seed 123).
        { "output attribute on a loss term", "[Network] [Input(6)] public partial class N { [Dense(6, Activation.Sigmoid)] public partial Linear Decoded { get; } [LossTerm(\"r\"), Output(Loss = Loss.MeanSquaredError)] private static TorchSharp.torch.Tensor R(TorchSharp.torch.Tensor input, TorchSharp.torch.Tensor decoded) => decoded.sum(); }" },
        // A type named var in scope would turn the generated locals' var into that type (fuzz seed 11): NG0013.
        { "type named var in scope", "public sealed class var { }\n[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }" },
        { "uses generated members", "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }\npublic static class Use { public static object Shape() => N.OutputShape; }" },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void AllowedByTheInvariant(string why, string declaration)
    {
        var outcome = MutantRunner.Run(new Mutant(why, "inline", Usings + declaration, []), TimeSpan.FromSeconds(30));

        Assert.True(outcome.Passed, FuzzReport.Failures([outcome], FuzzSettings.FromEnvironment() with { Reduce = false }));
    }

    [Fact]
    public void UnimplementedMarkedMemberWithoutDiagnosticIsCaught()
    {
        // Without a generator, a valid network's layers are left unimplemented and no NG error
        // explains it: the user would see only CS9248. (NetGen's own generator no longer skips
        // anything it owes, so the classifier is checked with none.)
        var valid = Usings + "[Network] [Input(4)] public partial class N { [Dense(1)] public partial Linear A { get; } }";
        var outcome = MutantRunner.Run(new Mutant("none", "inline", valid, []), TimeSpan.FromSeconds(30), System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.ISourceGenerator>.Empty);

        Assert.Equal(FailureClass.MissingImplementation, outcome.Failures);
    }

    [Fact]
    public void RunOverTheTimeLimitIsAHang()
    {
        var seed = SeedCorpus.All[0];

        var outcome = MutantRunner.Run(new Mutant("slow", seed.Name, seed.Text, []), TimeSpan.FromTicks(1));

        Assert.Equal(FailureClass.Hang, outcome.Failures);
    }

    [Fact]
    public void SavedMutantReplaysExactly()
    {
        // A leading U+FEFF, NUL and a lone surrogate: each is lost by a naive UTF-8 round trip.
        var text = "\uFEFF" + Usings + "\0 class N { string s = \"\uD800\"; }";
        var directory = Path.Combine(Path.GetTempPath(), "netgen-fuzz-" + Guid.NewGuid().ToString("N"));
        try
        {
            FailureArchive.Write(directory, new MutantOutcome(new Mutant("11-000001", "inline", text, ["InsertJunk"]), FailureClass.Cascade, Observation.None, TimeSpan.Zero, System.Collections.Immutable.ImmutableDictionary<FailureClass, string>.Empty, []));

            var replayed = Assert.Single(FailureArchive.Read(directory));

            Assert.Equal("11-000001", replayed.Id);
            Assert.Equal(text, replayed.Text);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
