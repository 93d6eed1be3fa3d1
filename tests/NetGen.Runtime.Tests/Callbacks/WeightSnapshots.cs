using System.Collections.Generic;
using System.Linq;
using NetGen.Callbacks;
using NetGen.Runtime.Tests.Infrastructure;

namespace NetGen.Runtime.Tests.CallbackSpecs;

/// <summary>Every weight of the network at the end of each epoch, as floats by state_dict name.</summary>
internal sealed class WeightSnapshots : Callback
{
    public List<Dictionary<string, float[]>> Epochs { get; } = new();

    public static Dictionary<string, float[]> Of(TorchSharp.torch.nn.Module module) =>
        module.state_dict().ToDictionary(static pair => pair.Key, static pair => ToyData.Floats(pair.Value));

    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs) => Epochs.Add(Of(context.Module));
}
