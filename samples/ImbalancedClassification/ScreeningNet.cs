using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.ImbalancedClassification;

/// <summary>
/// The dense binary classifier of Keras's credit-card fraud example (three ReLU layers, dropout 0.3
/// after the second and the third, one sigmoid unit), narrowed from 256 to 64 units for a table of a
/// few hundred rows. The positive class (1) is the rare one: a malignant tumour.
/// </summary>
[Network(Loss = Loss.BinaryCrossentropy, Metrics = [Metric.Accuracy, Metric.RocAuc])]
[Input(30)]
public partial class ScreeningNet
{
    [Dense(64, Activation.ReLU)]
    public partial Linear Hidden1 { get; }

    [Dense(64, Activation.ReLU)]
    public partial Linear Hidden2 { get; }

    [Dropout(0.3)]
    public partial Dropout Drop1 { get; }

    [Dense(64, Activation.ReLU)]
    public partial Linear Hidden3 { get; }

    [Dropout(0.3)]
    public partial Dropout Drop2 { get; }

    [Dense(1, Activation.Sigmoid)]
    public partial Linear Output { get; }
}
