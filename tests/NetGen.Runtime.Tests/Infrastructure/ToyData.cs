using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>Deterministic toy data built with System.Random, so parallel tests do not share torch's RNG.</summary>
public static class ToyData
{
    /// <summary>Linearly separable: the label is whether the four features sum above zero.</summary>
    public static (Tensor X, Tensor Y) Separable(int count, int seed)
    {
        var random = new Random(seed);
        var values = new float[count * 4];
        var labels = new float[count];
        for (var i = 0; i < count; i++)
        {
            float sum = 0;
            for (var j = 0; j < 4; j++)
            {
                var value = (float)((random.NextDouble() * 2) - 1);
                values[(i * 4) + j] = value;
                sum += value;
            }

            labels[i] = sum > 0 ? 1 : 0;
        }

        return (tensor(values, [count, 4]), tensor(labels, [count, 1]));
    }

    /// <summary>
    /// Data for <see cref="TwoHeadNet"/> by name: inputs <c>wide</c> (3 features) and <c>deep</c> (2),
    /// targets <c>Price</c> (a linear function of the features) and <c>Kind</c> (0/1).
    /// </summary>
    public static (Dictionary<string, Tensor> X, Dictionary<string, Tensor> Y) TwoHead(int count, int seed)
    {
        var random = new Random(seed);
        float Next() => (float)((random.NextDouble() * 2) - 1);
        var wide = new float[count * 3];
        var deep = new float[count * 2];
        var price = new float[count];
        var kind = new float[count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                wide[(i * 3) + j] = Next();
            }

            deep[i * 2] = Next();
            deep[(i * 2) + 1] = Next();
            price[i] = wide[i * 3] - (2 * deep[i * 2]) + 0.5f;
            kind[i] = wide[(i * 3) + 1] + deep[(i * 2) + 1] > 0 ? 1 : 0;
        }

        return (
            new Dictionary<string, Tensor> { ["wide"] = tensor(wide, [count, 3]), ["deep"] = tensor(deep, [count, 2]) },
            new Dictionary<string, Tensor> { ["Price"] = tensor(price, [count, 1]), ["Kind"] = tensor(kind, [count, 1]) });
    }

    /// <summary>Every tensor of the module's state, cloned: a fingerprint to compare exactly later.</summary>
    public static Dictionary<string, Tensor> State(nn.Module module)
    {
        using var scope = NewDisposeScope();
        return module.state_dict().ToDictionary(static pair => pair.Key, static pair => pair.Value.detach().clone().MoveToOuterDisposeScope());
    }

    /// <summary>Whether two states hold the same tensors bit for bit.</summary>
    public static bool SameState(Dictionary<string, Tensor> left, Dictionary<string, Tensor> right) =>
        left.Keys.SequenceEqual(right.Keys) && left.All(pair => pair.Value.dtype == right[pair.Key].dtype && pair.Value.shape.SequenceEqual(right[pair.Key].shape) && pair.Value.equal(right[pair.Key]).all().item<bool>());

    /// <summary>The values as floats; the intermediate tensors are disposed so memory probes stay exact.</summary>
    public static float[] Floats(Tensor t)
    {
        using var scope = NewDisposeScope();
        return t.detach().cpu().to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
    }
}
