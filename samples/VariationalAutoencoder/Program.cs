using System;
using System.Globalization;
using NetGen.Samples.VariationalAutoencoder;

// dotnet run --project samples/VariationalAutoencoder -c Release -- [--epochs N] [--batch-size N]
//     [--max-train N] [--max-test N] [--seed N] [--output-dir DIR] [--subset] [--threads N]
var options = new VaeOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--max-train" => options with { MaxTrainCount = Number() },
        "--max-test" => options with { MaxTestCount = Number() },
        "--seed" => options with { Seed = Number() },
        "--output-dir" => options with { OutputDirectory = Value() },
        "--subset" => options with { UseFullSet = false },
        "--threads" => options with { Threads = Number() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --max-train, --max-test, --seed, --output-dir, --subset and --threads."),
    };
}

var result = VaeSample.Run(Console.Out, options);
return double.IsFinite(result.TestLoss) ? 0 : 1;
