using System;
using System.Globalization;
using NetGen.Samples.Dcgan;

// dotnet run --project samples/Dcgan -c Release -- [--epochs N] [--batch-size N] [--max-train N | --all]
//     [--sample-every N] [--threads N] [--seed N] [--output-dir DIR] [--subset]
var options = new DcganOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--max-train" => options with { MaxTrainCount = Number() },
        "--all" => options with { MaxTrainCount = null },
        "--sample-every" => options with { SampleEvery = Number() },
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        "--output-dir" => options with { OutputDirectory = Value() },
        "--subset" => options with { UseFullSet = false },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --max-train, --all, --sample-every, --threads, --seed, --output-dir and --subset."),
    };
}

var result = DcganSample.Run(Console.Out, options);
return double.IsFinite(result.DiscriminatorLoss) && double.IsFinite(result.GeneratorLoss) ? 0 : 1;
