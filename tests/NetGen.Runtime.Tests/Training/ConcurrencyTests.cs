using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>
/// Predict and Evaluate from several threads on one network, as a web app holding a model as a
/// singleton does, after Fit left it in training mode (the reliability review's probe): every call
/// gets the single-threaded result, and neither the training mode nor the state changes.
/// </summary>
public sealed class ConcurrencyTests
{
    private const int Threads = 4;
    private const int CallsPerThread = 50;

    public static TheoryData<string> Networks => new() { nameof(NormalizedNet), nameof(DropoutNet) };

    [Theory]
    [MemberData(nameof(Networks))]
    public void ConcurrentInferenceGivesTheSingleThreadedResultsAndChangesNothing(string network)
    {
        var (x, y) = ToyData.Separable(40, seed: 141);
        using var model = network == nameof(NormalizedNet) ? (INetwork)new NormalizedNet() : new DropoutNet();
        var module = (nn.Module)model;
        model.Fit(x, y, epochs: 2, batchSize: 8, verbose: Verbosity.Silent);
        Assert.True(module.training);
        var state = ToyData.State(module);
        var predicted = ToyData.Floats(model.Predict(x, batchSize: 16));
        var evaluated = model.Evaluate(x, y, batchSize: 16).Loss;
        Assert.True(ToyData.SameState(state, ToyData.State(module)));

        var differences = new ConcurrentBag<string>();
        using var start = new Barrier(Threads);
        var workers = Enumerable.Range(0, Threads).Select(worker => new Thread(() =>
        {
            try
            {
                start.SignalAndWait();
                for (var call = 0; call < CallsPerThread; call++)
                {
                    if ((call + worker) % 2 == 0)
                    {
                        using var scope = NewDisposeScope();
                        if (!ToyData.Floats(model.Predict(x, batchSize: 16)).SequenceEqual(predicted))
                        {
                            differences.Add($"Predict, thread {worker}, call {call}");
                        }
                    }
                    else if (model.Evaluate(x, y, batchSize: 16).Loss != evaluated)
                    {
                        differences.Add($"Evaluate, thread {worker}, call {call}");
                    }
                }
            }
            catch (Exception exception)
            {
                differences.Add(exception.ToString());
            }
        })).ToList();
        workers.ForEach(static thread => thread.Start());
        Assert.All(workers, static thread => Assert.True(thread.Join(TimeSpan.FromSeconds(60))));

        Assert.Empty(differences);
        Assert.True(module.training);
        Assert.True(ToyData.SameState(state, ToyData.State(module)), "concurrent inference changed the state_dict");
        Assert.Equal(predicted, ToyData.Floats(model.Predict(x, batchSize: 16)));
    }
}
