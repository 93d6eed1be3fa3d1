using System.Linq;
using NetGen.Model;
using NetGen.Model.Analysis;
using static NetGen.Generator.Tests.Model.Networks;

namespace NetGen.Generator.Tests.Model;

/// <summary>Element types, named dimensions and the three shape states, without Roslyn.</summary>
public sealed class TensorTypeTests
{
    [Fact]
    public void NamedDimensionStaysNamedThroughTheLayers()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 8 }) }, Dense("A", 4), Dropout("D", 0.1), Activation("Act", ActivationKind.Tanh)));

        Assert.Empty(result.Issues);
        Assert.Equal(new[] { "(None, steps, 4)", "(None, steps, 4)", "(None, steps, 4)" }, result.Layers.Select(static l => l.Output.ToString()));
        Assert.Equal(8 * 4 + 4, result.Layers[0].Parameters.Total);
    }

    [Fact]
    public void NamedDimensionsAgreeOnlyWithTheSameName()
    {
        static ProblemKind[] Kinds(object first, object second) => NetworkAnalysis.Analyze(Define(
            new[] { Input(new[] { first, 8 }, "a"), Input(new[] { second, 8 }, "b") },
            Add("S", "a", "b"))).Issues.Select(static i => i.Kind).ToArray();

        Assert.Empty(Kinds("steps", "steps"));
        Assert.Equal(new[] { ProblemKind.AddShapeMismatch }, Kinds("steps", "length"));
        Assert.Equal(new[] { ProblemKind.AddShapeMismatch }, Kinds("steps", 10));
        Assert.Equal(new[] { ProblemKind.AddShapeMismatch }, Kinds(10, 12));
    }

    [Fact]
    public void DenseNeedsAKnownLastAxis()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { 8, "features" }) }, Dense("A", 4)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal(new[] { "Dense", "A", "the size of its input's last axis", "it is 'features' in (None, 8, features)" }, issue.Arguments);
    }

    [Fact]
    public void FlattenOfANamedDimensionIsKnownOnlyAtRunTime()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 8 }) }, Flatten("F"), Activation("Act", ActivationKind.ReLU), Dense("D", 2)));

        Assert.Equal(ShapeStatus.Dynamic, result.Layers[0].Output.Status);
        Assert.Equal(ShapeStatus.Dynamic, result.Layers[1].Output.Status);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.UnknownDimension, issue.Kind);
        Assert.Equal(Site.LayerAttribute(2), issue.Site);
        Assert.Equal("its input's shape is known only at run time (Flatten of (None, steps, 8) depends on 'steps')", issue.Arguments[3]);
    }

    [Fact]
    public void ADeclaredShapeAfterADynamicOneResumesChecking()
    {
        // Dynamic must not silence what can be checked again: Reshape declares (4, 8), so the
        // Dense after it is counted and the Add's mismatch is reported.
        var result = NetworkAnalysis.Analyze(Define(
            new[] { Input(new object[] { "steps", 8 }) },
            Flatten("F"),
            Reshape("R", 4, 8),
            Dense("D", 3),
            Dense("E", 5, from: "R"),
            Add("S", "D", "E")));

        Assert.Equal("(None, 4, 8)", result.Layers[1].Output.ToString());
        Assert.Equal(8 * 3 + 3, result.Layers[2].Parameters.Total);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.AddShapeMismatch, issue.Kind);
    }

    [Fact]
    public void AFailedLayerSilencesEverythingAfterIt()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 2, 3, 4, 5, 6 }, Dense("A", 4), Reshape("R", 2, 2), Dense("B", 3), Add("S", "B", "B")));

        Assert.Equal(ProblemKind.UnsupportedInputRank, Assert.Single(result.Issues).Kind);
        Assert.All(result.Layers, static layer => Assert.Equal(ShapeStatus.Failed, layer.Output.Status));
    }

    [Theory]
    [InlineData(new[] { 1, 28, 28 }, "(None, 1, 28, 28)")]
    [InlineData(new[] { -1, 28 }, "(None, 28, 28)")]
    [InlineData(new[] { 2, -1, 4 }, "(None, 2, 98, 4)")]
    public void ReshapeKeepsTheNumberOfValues(int[] target, string expected)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 784 }, Reshape("R", target)));

        Assert.Empty(result.Issues);
        Assert.Equal(expected, result.Layers[0].Output.ToString());
    }

    [Fact]
    public void ReshapeToAnotherNumberOfValuesIsReported()
    {
        var exact = NetworkAnalysis.Analyze(Define(new[] { 784 }, Reshape("R", 3, 28, 28)));
        var inferred = NetworkAnalysis.Analyze(Define(new[] { 10 }, Reshape("R", -1, 4)));

        Assert.Equal(new[] { "R", "(None, 784)", "784", "(3, 28, 28)", "2352" }, Assert.Single(exact.Issues).Arguments);
        Assert.Equal(ProblemKind.ReshapeSizeMismatch, exact.Issues[0].Kind);
        Assert.Equal(new[] { "R", "(None, 10)", "10", "(-1, 4)", "a multiple of 4" }, Assert.Single(inferred.Issues).Arguments);
    }

    [Fact]
    public void ReshapeOfANamedDimensionInfersItWhenTheSizesCancel()
    {
        var kept = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 2, 4 }) }, Reshape("R", -1, 8)));
        var unknown = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 8 }) }, Reshape("R", -1, 4)));

        Assert.Equal("(None, steps, 8)", kept.Layers[0].Output.ToString());
        Assert.Equal(ShapeStatus.Dynamic, unknown.Layers[0].Output.Status);
        Assert.Empty(kept.Issues.Concat(unknown.Issues));
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0, 4 })]
    [InlineData(new[] { -1, -1 })]
    public void InvalidReshapeTarget(int[] target)
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { 8 }, Reshape("R", target)));

        var issue = Assert.Single(result.Issues);
        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, issue.Kind);
        Assert.Equal(Site.LayerArgument(0, "targetShape"), issue.Site);
    }

    [Fact]
    public void PermuteMovesDimensionsWithTheirNames()
    {
        var result = NetworkAnalysis.Analyze(Define(new[] { Input(new object[] { "steps", 8 }) }, Permute("P", 2, 1)));

        Assert.Empty(result.Issues);
        Assert.Equal("(None, 8, steps)", result.Layers[0].Output.ToString());
    }

    [Fact]
    public void PermuteChecksItsDimsAndTheRank()
    {
        var notAPermutation = NetworkAnalysis.Analyze(Define(new[] { 3, 4 }, Permute("P", 1, 1)));
        var wrongRank = NetworkAnalysis.Analyze(Define(new[] { 3, 4, 5 }, Permute("P", 2, 1)));

        Assert.Equal(ProblemKind.InvalidLayerHyperparameter, Assert.Single(notAPermutation.Issues).Kind);
        Assert.Equal(new[] { "Dims", "P", "a permutation of the axes 1 to 2", "(1, 1)" }, notAPermutation.Issues[0].Arguments);
        Assert.Equal(ProblemKind.UnsupportedInputRank, Assert.Single(wrongRank.Issues).Kind);
    }

    [Fact]
    public void IntegerInputsReachOnlyLayersThatTakeThem()
    {
        var tokens = new[] { Input(new object[] { "steps" }, "tokens", ElementKind.Int64) };
        var dense = NetworkAnalysis.Analyze(Define(tokens, Dense("A", 4, from: "tokens")));
        var reshape = NetworkAnalysis.Analyze(Define(tokens, Reshape("R", -1, 1)));

        var issue = Assert.Single(dense.Issues);
        Assert.Equal(ProblemKind.TokenIdsIntoFeatureLayer, issue.Kind);
        Assert.Equal(new[] { "Dense", "A", "tokens" }, issue.Arguments);
        Assert.Empty(reshape.Issues);
        Assert.Equal("(None, steps, 1) int64", reshape.Layers[0].Output.Type!.Describe());
    }
}
