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

        Assert.Equal(new long[] { 3, 3 }, encoded.shape);
        Assert.Equal(new[] { 0f, 0f, 1f, 1f, 0f, 0f, 0f, 1f, 0f }, encoded.data<float>().ToArray());
        Assert.Equal(new[] { 2L, 0L, 1L }, OneHot.Decode(encoded).data<long>().ToArray());
        Assert.Equal(new long[] { 3, 5 }, OneHot.Encode(labels, classCount: 5).shape);
    }

    [Fact]
    public void RejectsOutOfRangeAndFractionalLabels()
    {
        Assert.Contains("outside the 2 classes", Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new long[] { 0, 2 }), classCount: 2)).Message);
        Assert.Contains("class ids", Assert.Throws<ArgumentException>(() => OneHot.Encode(tensor(new[] { 0.5f }))).Message);
    }
}
