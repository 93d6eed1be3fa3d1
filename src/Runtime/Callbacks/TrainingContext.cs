using NetGen.Training;

namespace NetGen.Callbacks;

/// <summary>What callbacks see of a running <c>Fit</c>.</summary>
public sealed class TrainingContext
{
    internal TrainingContext(Network network, History history, int epochs, System.IO.TextWriter? output)
    {
        Network = network;
        History = history;
        Epochs = epochs;
        Output = output;
    }

    /// <summary>The network being trained.</summary>
    public Network Network { get; }

    /// <summary>The history so far.</summary>
    public History History { get; }

    /// <summary>The number of epochs requested.</summary>
    public int Epochs { get; }

    /// <summary>Where progress is written, or null when silent.</summary>
    public System.IO.TextWriter? Output { get; }

    /// <summary>Set to stop after the current epoch (or batch, for <see cref="TerminateOnNaN"/>).</summary>
    public bool StopTraining { get; set; }

    /// <summary>Why training stopped early, when it did.</summary>
    public string? StopReason { get; set; }
}
