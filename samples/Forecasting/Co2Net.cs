using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Samples.Forecasting;

/// <summary>
/// The guide's forecaster: one season of weekly values (52 steps, one feature) read by an LSTM of
/// 100 units, whose last output a Dense layer turns into the next week's value. Trained on scaled
/// values with the mean squared error; the recursive forecaster feeds its predictions back in.
/// </summary>
[Network(Loss = Loss.MeanSquaredError, Metrics = [Metric.Mae], Optimizer = OptimizerKind.Adam, LearningRate = 1e-3)]
[Input(Co2Net.Season, 1)]
public partial class Co2Net
{
    /// <summary>Weeks per window: one yearly cycle of the weekly series.</summary>
    public const int Season = 52;

    [LSTM(100)]
    public partial Recurrent Memory { get; }

    [Dense(1)]
    public partial Linear Next { get; }
}
