using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.TwoHeads;

/// <summary>
/// The functional API's two-input, two-output model on the breast-cancer table: the mean
/// measurements of the cell nuclei and their standard errors come in separately, meet in a
/// shared layer, and two heads answer two questions at once: is the tumour malignant (a
/// sigmoid classifier), and how large is its worst nucleus (a regression).
/// </summary>
[Network(LearningRate = 0.003)]
[Input(10, Name = "means")]
[Input(10, Name = "errors")]
public partial class CancerTwoHeads
{
    [Dense(16, Activation.ReLU, From = "means")]
    public partial Linear Means { get; }

    [Dense(8, Activation.ReLU, From = "errors")]
    public partial Linear Errors { get; }

    [Concatenate(nameof(Means), nameof(Errors))]
    public partial Concatenate Joined { get; }

    [Dense(16, Activation.ReLU)]
    public partial Linear Shared { get; }

    [Output(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy, Metric.RocAuc])]
    [Dense(1, Activation.Sigmoid)]
    public partial Linear Diagnosis { get; }

    [Output(Loss = Loss.MeanSquaredError, LossWeight = 0.5, Metrics = [Metric.Mae])]
    [Dense(1, From = nameof(Shared))]
    public partial Linear WorstArea { get; }
}
