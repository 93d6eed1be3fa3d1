using System;
using System.Globalization;
using NetGen.Samples.DenoisingAutoencoder;

// dotnet run --project samples/DenoisingAutoencoder -c Release -- [--epochs N] [--batch-size N]
//     [--max-train N] [--max-test N] [--noise STDDEV] [--threads N] [--seed N] [--subset] [--output-dir DIRECTORY]
var options = new DenoisingOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    double Real() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new ArgumentException($"{args[i - 1]} needs a number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--max-train" => options with { MaxTrainCount = Number() },
        "--max-test" => options with { MaxTestCount = Number() },
        "--noise" => options with { NoiseStddev = Real() },
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        "--subset" => options with { UseFullSet = false },
        "--output-dir" => options with { OutputDirectory = Value() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --max-train, --max-test, --noise, --threads, --seed, --subset and --output-dir."),
    };
}

var result = DenoisingSample.Run(Console.Out, options);
return double.IsFinite(result.DenseMse) && double.IsFinite(result.ConvMse) ? 0 : 1;
