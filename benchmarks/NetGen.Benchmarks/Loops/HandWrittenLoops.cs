using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen.Benchmarks.Loops;

/// <summary>
/// The loops a competent TorchSharp user writes without NetGen: the baselines of the Fit and
/// Predict benchmarks and of the memory comparison.
/// </summary>
public static class HandWrittenLoops
{
    /// <summary>
    /// One training epoch: a permutation from a seeded generator, <c>index_select</c> per batch,
    /// <c>call</c>, the loss, <c>zero_grad</c>, <c>backward</c>, <c>step</c>, a dispose scope per
    /// step. The loss is summed on the device and read once, at the end of the epoch. With
    /// <paramref name="accuracy"/>, the correct predictions of a single-logit output (above 0,
    /// against 0/1 labels) are counted on the device too and read once.
    /// </summary>
    /// <returns>The epoch's mean loss over samples (the accuracy is not returned: only its cost counts).</returns>
    public static double TrainEpoch(
        nn.Module<Tensor, Tensor> model,
        optim.Optimizer optimizer,
        Func<Tensor, Tensor, Tensor> loss,
        Tensor x,
        Tensor y,
        int batchSize,
        Generator generator,
        bool accuracy = false)
    {
        model.train();
        var count = x.shape[0];
        using var epoch = NewDisposeScope();
        var permutation = randperm(count, generator: generator);
        var sum = zeros(1);
        var correct = accuracy ? zeros(1, ScalarType.Int64) : null;
        for (long start = 0; start < count; start += batchSize)
        {
            using var step = NewDisposeScope();
            var rows = permutation.narrow(0, start, Math.Min(batchSize, count - start));
            var inputs = x.index_select(0, rows);
            var targets = y.index_select(0, rows);
            optimizer.zero_grad();
            var logits = model.call(inputs);
            var value = loss(logits, targets);
            value.backward();
            optimizer.step();
            sum.add_(value.detach(), alpha: rows.shape[0]);
            if (correct is not null)
            {
                using var noGrad = no_grad();
                correct.add_(logits.gt(0).eq(targets.gt(0.5)).sum());
            }
        }

        if (correct is not null)
        {
            _ = correct.item<long>();
        }

        return sum.item<float>() / count;
    }

    /// <summary>
    /// Inference: eval mode, no gradients, one forward per batch (with the output activation the
    /// logits-returning module leaves to its caller), the batches concatenated.
    /// </summary>
    /// <returns>One output row per sample, owned by the caller's dispose scope.</returns>
    public static Tensor Predict(nn.Module<Tensor, Tensor> model, Func<Tensor, Tensor> activation, Tensor x, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        using var outer = NewDisposeScope();
        var parts = new List<Tensor>();
        var count = x.shape[0];
        for (long start = 0; start < count; start += batchSize)
        {
            using var batch = NewDisposeScope();
            var output = activation(model.call(x.narrow(0, start, Math.Min(batchSize, count - start))));
            parts.Add(output.MoveToOuterDisposeScope());
        }

        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
