using System;
using System.Linq;
using NetGen.Data;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

public sealed class OneHotTests
{
    [Fact]
    public void EncodesAndDecodes()
    {
        var labels = tensor(new long[] { 2, 0, 1 });

        var encoded = OneHot.Encode(labels);

        Assert.Equal(ScalarType.Float32, encoded.dtype);
        Assert.Equal(new long[] { 3, 3 }, encoded.shape);
        Assert.Equal(new[] { 0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f }, encoded.data<float>().ToArray());
        Assert.Equal(new[] { 2L, 0L, 1L }, OneHot.Decode(encoded).data<long>().ToArray());
        Assert.Equal(new long[] { 3, 5 }, OneHot.Encode(labels, classCount: 5).shape);
    }

    [Fact]
    public void AcceptsWholeFloatLabelsInAColumnAndDecodesProbabilities()
    {
        var encoded = OneHot.Encode(tensor(new[] { 1f, 0f }).reshape(2, 1));
        var probabilities = tensor(new[] { 0.1f, 0.7f, 0.2f, 0.5f, 0.3f, 0.2f }, new long[] { 2, 3 });

        Assert.Equal(new[] { 0f, 1f, 1f, 0f }, encoded.data<float>().ToArray());
        Assert.Equal(new[] { 1L, 0L }, OneHot.Decode(probabilities).data<long>().ToArray());
    }

    [Fact]
    public void RejectsOutOfRangeNegativeAndFractionalLabels()
    {
        Assert.StartsWith(
            "Label 1 is 2, outside the 2 classes (0 to 1).",
            Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new long[] { 0, 2 }), classCount: 2)).Message);
        Assert.StartsWith(
            "Label 0 is 0.5; one-hot encoding needs whole class ids 0, 1, 2...",
            Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new[] { 0.5f }))).Message);
        Assert.StartsWith("Label 1 is -1;", Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new long[] { 0, -1 }))).Message);
        Assert.StartsWith("Label 0 is NaN;", Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new[] { float.NaN }))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => OneHot.Encode(tensor(new long[] { 0 }), classCount: 0));
        Assert.Throws<ArgumentException>(() => OneHot.Encode(zeros(2, 3)));
        Assert.Throws<ArgumentException>(() => OneHot.Decode(zeros(3)));
    }
}
