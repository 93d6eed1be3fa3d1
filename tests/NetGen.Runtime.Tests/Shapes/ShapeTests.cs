using System;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.ShapesSpecs;

/// <summary>Shapes of one sample with known and named sizes, and whether a batch matches them.</summary>
public sealed class ShapeTests
{
    [Fact]
    public void KnownSizesMatchOnlyThemselves()
    {
        var shape = new Shape(3, 4);

        Assert.True(shape.Matches(zeros(2, 3, 4)));
        Assert.True(shape.Matches(zeros(1, 3, 4)));
        Assert.False(shape.Matches(zeros(2, 4, 3)));
        Assert.False(shape.Matches(zeros(3, 4)));
        Assert.False(shape.Matches(zeros(2, 3, 4, 1)));
        Assert.Equal(12, shape.ElementCount);
        Assert.True(shape.IsKnown);
    }

    [Fact]
    public void NamedSizesMatchAnyLengthButTheSameNameMustAgree()
    {
        var sequence = new Shape(Dimension.Named("steps"), 8);
        var square = new Shape(Dimension.Named("n"), Dimension.Named("n"));

        Assert.True(sequence.Matches(zeros(2, 5, 8)));
        Assert.True(sequence.Matches(zeros(2, 50, 8)));
        Assert.False(sequence.Matches(zeros(2, 5, 7)));
        Assert.True(square.Matches(zeros(1, 3, 3)));
        Assert.False(square.Matches(zeros(1, 3, 4)));
        Assert.Null(sequence.ElementCount);
        Assert.False(sequence.IsKnown);
    }

    [Fact]
    public void ShapesPrintTheKerasWayAndCompareByDimension()
    {
        var sequence = new Shape(Dimension.Named("steps"), 8);

        Assert.Equal("(None, steps, 8)", sequence.ToString());
        Assert.Equal("(None, 3, 32, 32)", new Shape(3, 32, 32).ToString());
        Assert.Equal(new Shape(Dimension.Named("steps"), 8), sequence);
        Assert.NotEqual(new Shape(Dimension.Named("length"), 8), sequence);
        Assert.Equal(new Shape(Dimension.Named("steps"), 8).GetHashCode(), sequence.GetHashCode());
        Assert.NotEqual(new Shape(8), new Shape(8, 1));
        Assert.Equal(2, sequence.Rank);
        Assert.Equal("steps", sequence[0].Name);
        Assert.Null(sequence[0].Size);
        Assert.Equal(8, sequence[1].Size);
    }

    [Fact]
    public void DimensionsAreValidated()
    {
        Assert.Equal("size", Assert.Throws<ArgumentOutOfRangeException>(() => Dimension.Of(0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Shape(4, -1));
        Assert.Throws<ArgumentException>(() => Dimension.Named(" "));
        Assert.True(Dimension.Named("steps") == Dimension.Named("steps"));
        Assert.True(Dimension.Of(3) != Dimension.Named("3"));
        Assert.True(Dimension.Named("steps").Accepts(1));
        Assert.False(Dimension.Named("steps").Accepts(0));
        Assert.False(Dimension.Of(3).Accepts(4));
    }

    [Fact]
    public void ADescriptionSaysWhichShapeToReadWhenThereAreSeveral()
    {
        using var single = new TinyNet();
        using var several = new TwoHeadNet();

        Assert.Equal(new Shape(4), single.Description.InputShape);
        Assert.Equal(new Shape(1), single.Description.OutputShape);
        Assert.Equal("TwoHeadNet has 2 inputs (wide, deep); read their shapes from Inputs.", Assert.Throws<InvalidOperationException>(() => several.Description.InputShape).Message);
        Assert.Equal("TwoHeadNet has 2 outputs (Price, Kind); read their shapes from Outputs.", Assert.Throws<InvalidOperationException>(() => several.Description.OutputShape).Message);
    }
}
