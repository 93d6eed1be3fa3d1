using System.Collections.Generic;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Training;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>The learning rate each training step used: every parameter group's, read after the step.</summary>
internal sealed class LearningRateProbe : Callback
{
    public List<double> Steps { get; } = new();

    public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
    {
        var rates = context.Optimizer.ParamGroups.Select(static group => group.LearningRate).Distinct().ToList();
        Xunit.Assert.Single(rates);
        Steps.Add(rates[0]);
    }
}
