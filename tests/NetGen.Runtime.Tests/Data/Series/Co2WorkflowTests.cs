using NetGen.Callbacks;
using NetGen.Data;
using NetGen.Training;

namespace NetGen.Runtime.Tests.Data.Series;

public sealed class Co2WorkflowTests
{
    [Fact]
    public void AWindowModelTrainedOnOneSeasonBeatsTheSeasonalNaiveForecastOverTheNextSeason()
    {
        // The forecasting workflow end to end on the real series: split in time, scale on the
        // training span, train on 52-week windows with early stopping on the validation span, then
        // forecast the first year of the test span recursively from the training and validation
        // history. A linear autoregression follows the trend that repeating last year misses.
        var co2 = Co2.Load(SampleData.PathOf("co2/co2.csv"));
        var split = ChronologicalSplit.ByFraction(co2, validationFraction: 0.15, testFraction: 0.15);
        using var scaler = new MinMaxScaler();
        var scaled = split.Scale(scaler);
        using var model = new WindowNet(52, new NetGen.Optimizers.Adam(learningRate: 0.01), seed: 1);

        var history = model.Fit(
            scaled.Training.Windows(52, batchSize: 32, shuffle: true, seed: 42),
            epochs: 80,
            validationData: scaled.Validation.Windows(52, batchSize: 32),
            callbacks: [new EarlyStopping(patience: 20, restoreBestWeights: true)],
            verbose: Verbosity.Silent,
            seed: 1);
        var year = split.Test.Slice(0, 52);
        var forecast = new RecursiveForecaster(model, scaler).Forecast(split.History, steps: 52);
        var naive = SeasonalNaive.Forecast(split.History, season: 52, steps: 52);

        Assert.Equal(year.Timestamps, forecast.Timestamps);
        Assert.Equal(year.Timestamps, naive.Timestamps);
        var (rmse, naiveRmse) = (ForecastMetrics.Rmse(year, forecast), ForecastMetrics.Rmse(year, naive));
        Assert.True(rmse < 0.75 * naiveRmse, $"RMSE {rmse} vs seasonal naive {naiveRmse} after {history.Epochs} epochs");
    }
}
