using System;
using System.Globalization;
using NetGen.Samples.Autoencoder;

// dotnet run --project samples/Autoencoder -c Release -- [--epochs N] [--batch-size N]
//     [--max-train N] [--max-test N] [--threads N] [--seed N] [--subset] [--output-dir DIR]
var options = new AutoencoderOptions();
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
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        "--subset" => options with { UseFullSet = false },
        "--output-dir" => options with { OutputDirectory = Value() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --max-train, --max-test, --threads, --seed, --subset and --output-dir."),
    };
}

var result = AutoencoderSample.Run(Console.Out, options);
return double.IsFinite(result.TestMse) ? 0 : 1;
