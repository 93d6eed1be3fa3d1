using System.Linq;
using NetGen.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Callbacks;

/// <summary>What callbacks see of a running <c>Fit</c>, and what they may change.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(INetwork network, History history, int epochs, System.IO.TextWriter? output, optim.Optimizer optimizer, CompileOptions compileOptions)
    {
        Network = network;
        History = history;
        Epochs = epochs;
        Output = output;
        Optimizer = optimizer;
        CompileOptions = compileOptions;
    }

    /// <summary>The network being trained.</summary>
    public INetwork Network { get; }

    /// <summary>The network as a TorchSharp module (its parameters, <c>state_dict</c>, training mode).</summary>
    public nn.Module Module => (nn.Module)Network;

    /// <summary>The history so far.</summary>
    public History History { get; }

    /// <summary>The number of epochs requested.</summary>
    public int Epochs { get; }

    /// <summary>Where progress is written, or null when silent.</summary>
    public System.IO.TextWriter? Output { get; }

    /// <summary>The TorchSharp optimizer stepping the network's trainable parameters.</summary>
    public optim.Optimizer Optimizer { get; }

    /// <summary>The optimizer description and the losses and metrics in use.</summary>
    public CompileOptions CompileOptions { get; }

    /// <summary>
    /// The learning rate of the optimizer's first parameter group; setting it sets every group's
    /// (what learning-rate schedules do).
    /// </summary>
    public double LearningRate
    {
        get => Optimizer.ParamGroups.First().LearningRate;
        set
        {
            foreach (var group in Optimizer.ParamGroups)
            {
                group.LearningRate = value;
            }
        }
    }

    /// <summary>Set to stop after the current batch's step; the epoch then ends with what it trained.</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why training stopped early, when it did; <c>Fit</c> prints it.</summary>
    public string? StopReason { get; set; }
}
