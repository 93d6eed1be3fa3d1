using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace NetGen.Benchmarks.Models;

/// <summary>
/// The forecasting model: a window of 52 weekly values, one feature per step, read by an
/// LSTM(100) whose last output a Dense(1) turns into the next value; mean squared error, Adam
/// (41,301 parameters; Keras counts 40,901).
/// </summary>
[Network(Loss = Loss.MeanSquaredError)]
[Input(52, 1)]
public partial class ForecastLstm
{
    [LSTM(100)] public partial Recurrent Memory { get; }

    [Dense(1)] public partial Linear Output { get; }
}
