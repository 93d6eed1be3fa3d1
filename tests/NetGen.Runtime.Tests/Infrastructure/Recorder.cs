using System;
using System.Collections.Generic;
using NetGen.Callbacks;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>Records what Fit reports: batches per epoch, logs, live tensors, chosen parameters, the optimizer.</summary>
public sealed class Recorder : Callback
{
    private int _batches;

    public List<int> BatchesPerEpoch { get; } = new();

    public List<Dictionary<string, double>> Logs { get; } = new();

    public List<long> LiveTensors { get; } = new();

    public List<float[]> OutputWeights { get; } = new();

    /// <summary>The TorchSharp optimizer of the last Fit, as callbacks see it.</summary>
    public optim.Optimizer? Optimizer { get; private set; }

    public bool TrainEnded { get; private set; }

    public override void OnTrainBegin(Callbacks.TrainingContext context) => Optimizer = context.Optimizer;

    public override void OnEpochBegin(Callbacks.TrainingContext context, int epoch) => _batches = 0;

    public override void OnBatchEnd(Callbacks.TrainingContext context, int batch, BatchLogs logs) => _batches++;

    public override void OnEpochEnd(Callbacks.TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        BatchesPerEpoch.Add(_batches);
        Logs.Add(new Dictionary<string, double>(logs));
        LiveTensors.Add(DisposeScopeManager.Statistics.TensorStatistics.ThreadTotalLiveCount);
        OutputWeights.Add(ToyData.Floats(context.Module.state_dict()["Output.weight"]));
    }

    public override void OnTrainEnd(Callbacks.TrainingContext context) => TrainEnded = true;
}
