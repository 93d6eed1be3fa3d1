using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.DiabetesRegression;

/// <summary>
/// A regression MLP: predicts disease progression one year after baseline from ten
/// standardized clinical measurements.
/// </summary>
[Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae, Metric.Mse], LearningRate = 0.003)]
[Input(10)]
public partial class DiabetesNet
{
    [Dense(32, Activation.ReLU)]
    public partial Linear Hidden1 { get; }

    [Dense(16, Activation.ReLU)]
    public partial Linear Hidden2 { get; }

    [Dense(1)]
    public partial Linear Progression { get; }
}
