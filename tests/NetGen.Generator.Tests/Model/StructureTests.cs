using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Inputs, outputs, names and declarations, without Roslyn.</summary>
public sealed class StructureTests
{
    private static readonly InputDefinition[] s_twoInputs = { Input(new object[] { 3 }, "wide"), Input(new object[] { 2 }, "deep") };

    [Fact]
    public void SeveralInputsAndOutputs()
    {
        var result = NetworkAnalysis.Analyze(Define(
            s_twoInputs,
            Concatenate("Joined", null, "wide", "deep"),
            Dense("Price", 1).AsOutput(),
            Dense("Kind", 1, ActivationKind.Sigmoid, from: "Joined").AsOutput()));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "wide", "deep" }, result.Inputs.Select(static i => i.Name));
        Assert.Equal(new[] { 1, 2 }, result.Outputs);
        Assert.True(result.CanGenerate);
    }

    [Fact]
    public void WithoutAnOutputMarkerTheLastLayerIsTheOutput()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3), Dense("B", 1)));

        Assert.Equal(new[] { 1 }, result.Outputs);
    }

    [Fact]
    public void ALayerNoOutputNeedsIsReportedWithEveryOutput()
    {
        var result = NetworkAnalysis.Analyze(Define(
            s_twoInputs,
            Dense("Price", 1, from: "wide").AsOutput(),
            Dense("Kind", 1, from: "deep").AsOutput(),
            Dense("Spare", 2, from: "deep")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnusedLayer, issue.Kind);
        Assert.Equal(new[] { "Spare", "'Price', 'Kind'" }, issue.Arguments);
    }

    [Fact]
    public void TheFirstLayerOfSeveralInputsMustSayWhichItTakes()
    {
        var result = NetworkAnalysis.Analyze(Define(s_twoInputs, Dense("A", 1)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.AmbiguousInput, issue.Kind);
        Assert.Equal(new[] { "A", "Net", "'wide', 'deep'", "say which one it takes with From" }, issue.Arguments);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void InputNamesMustBeDistinct()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 3 }), Input(new object[] { 2 }) }, Dense("A", 1, from: "input")));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidInputName, issue.Kind);
        Assert.Equal(Site.InputArgument(1, "shape"), issue.Site);
        Assert.StartsWith("is already the name of another input", issue.Arguments[2]);
    }

    [Fact]
    public void AtMostSixInputs()
    {
        var inputs = Enumerable.Range(0, 7).Select(static i => Input(new object[] { 2 }, "x" + i)).ToArray();

        var result = NetworkAnalysis.Analyze(Define(inputs, Dense("A", 1, from: "x0")));

        var issue = Assert.Single(result.Issues, static i => i.Kind == ProblemKind.TooManyInputs);
        Assert.Equal(new[] { "Net", "7", "6" }, issue.Arguments);
        Assert.Equal(Site.InputAttribute(6), issue.Site);
    }

    [Fact]
    public void AnUndefinedEnumValueIsReportedWhereItIsWritten()
    {
        var layer = Dense("A", 2).With("activation", ArgumentValue.Enum(99, "NetGen.Activation"));

        var result = NetworkAnalysis.Analyze(Define(new[] { 4 }, layer));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UndefinedEnumValue, issue.Kind);
        Assert.Equal(new[] { "(Activation)99", "Activation", "activation" }, issue.Arguments);
        Assert.Equal(Site.LayerArgument(0, "activation"), issue.Site);
        Assert.Equal(ProblemEffect.BlocksGeneration, issue.Effect);
        Assert.False(result.CanGenerate);
    }

    [Fact]
    public void AnUndefinedLossOnlyDisablesTraining()
    {
        var network = Define(new[] { 4 }, Dense("A", 1)) with { Network = AttributeArguments.Of(("Loss", ArgumentValue.Enum(77, "NetGen.Loss"))) };

        var result = NetworkAnalysis.Analyze(network);

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemEffect.DisablesTraining, issue.Effect);
        Assert.True(result.CanGenerate);
        Assert.Equal("NG0017", result.CompileError);
    }

    [Fact]
    public void GeneratedAndInheritedNamesAreReserved()
    {
        var network = Define(new[] { 4 }, Dense("ParameterCount", 3), Dense("input", 1)) with { OtherMembers = EquatableArray.Create("Fit", "Helper") };

        var result = NetworkAnalysis.Analyze(network);

        Assert.Equal(
            new[] { (ProblemKind.ReservedLayerName, Site.LayerMember(0)), (ProblemKind.ReservedLayerName, Site.LayerMember(1)), (ProblemKind.MemberNameTaken, Site.Member("Fit")) },
            result.Issues.Select(static i => (i.Kind, i.Site)));
        Assert.Equal("the name of one of the network's inputs", result.Issues[1].Arguments[1]);
    }

    [Fact]
    public void OutputsIsReservedOnlyWithSeveralOutputs()
    {
        static ProblemKind[] Kinds(bool several) => NetworkAnalysis.Analyze(Define(
            new[] { 4 },
            several ? Dense("Outputs", 1).AsOutput() : Dense("Outputs", 1),
            several ? Dense("Other", 1, from: "input").AsOutput() : Dense("Other", 1, from: "input"))).Issues.Select(static i => i.Kind).ToArray();

        Assert.Equal(new[] { ProblemKind.ReservedLayerName }, Kinds(several: true));
        Assert.Equal(new[] { ProblemKind.UnusedLayer }, Kinds(several: false));
    }

    [Fact]
    public void OutputMarkerOnAMemberThatIsNotALayer()
    {
        var network = Define(new[] { 4 }, Dense("A", 1)) with { StrayOutputs = EquatableArray.Create("Helper") };

        var issue = Assert.Single(NetworkAnalysis.Analyze(network).Issues);

        Assert.Equal(ProblemKind.OutputIsNotALayer, issue.Kind);
        Assert.Equal(Site.Member("Helper"), issue.Site);
    }

    [Fact]
    public void AnImplicitInputFromAnotherFileIsAWarning()
    {
        var second = Dense("B", 1) with { Member = new MemberDeclaration("global::TorchSharp.Modules.Linear", File: 1) };
        var explicitly = Dense("B", 1, from: "A") with { Member = second.Member };

        var implicitResult = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3, ActivationKind.ReLU), second));
        var explicitResult = NetworkAnalysis.Analyze(Define(new[] { 4 }, Dense("A", 3, ActivationKind.ReLU), explicitly));

        var issue = Assert.Single(implicitResult.Issues);
        Assert.Equal(ProblemKind.ImplicitInputAcrossFiles, issue.Kind);
        Assert.Equal(new[] { "B", "A" }, issue.Arguments);
        Assert.True(implicitResult.CanGenerate);
        Assert.Empty(explicitResult.Issues);
    }

    [Theory]
    [InlineData("record", false, false, null, false, "a class, not a record")]
    [InlineData("class", true, false, null, false, "a class without type parameters")]
    [InlineData("class", false, true, null, false, "a class that is not static (a network is an object with parameters)")]
    [InlineData("class", false, false, "Base", false, "a class without a base class of its own (NetGen derives it from NetGen.Network); remove ': Base'")]
    [InlineData("class", false, false, null, true, "named, and inside types named, something other than 'var', with no type named 'var' in its scope (generated code declares its locals with var)")]
    public void DeclarationsNetGenCannotCompleteAreReported(string kind, bool generic, bool isStatic, string? baseType, bool var, string requirement)
    {
        var network = Define(new[] { 4 }, Dense("A", 1)) with { Declaration = new DeclarationForm(kind, generic, isStatic, false, baseType, var) };

        var issue = Assert.Single(NetworkAnalysis.Analyze(network).Issues);

        Assert.Equal(ProblemKind.UnsupportedNetworkDeclaration, issue.Kind);
        Assert.Equal(new[] { "Net", requirement }, issue.Arguments);
    }
}
