using System;
using System.Globalization;
using System.Linq;
using NetGen.Samples.Forecasting;

// dotnet run --project samples/Forecasting -c Release -- [--max-epochs N] [--patience N] [--batch-size N]
//     [--target level|differences|both] [--future-weeks N] [--threads N] [--seed N] [--out DIRECTORY]
var options = new ForecastingOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--max-epochs" => options with { MaxEpochs = Number() },
        "--patience" => options with { Patience = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--target" => options with
        {
            Targets = Value() switch
            {
                "level" => [ForecastTarget.Level],
                "differences" => [ForecastTarget.Differences],
                "both" => [ForecastTarget.Level, ForecastTarget.Differences],
                var other => throw new ArgumentException($"--target takes level, differences or both, not '{other}'."),
            },
        },
        "--future-weeks" => options with { FutureWeeks = Number() },
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        "--out" => options with { OutputDirectory = Value() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --max-epochs, --patience, --batch-size, --target, --future-weeks, --threads, --seed and --out."),
    };
}

var result = ForecastingSample.Run(Console.Out, options);
return result.Models.All(static m => double.IsFinite(m.WholeSpanRmse)) ? 0 : 1;
