using System;
using System.Globalization;
using NetGen.Samples.ImbalancedClassification;

// dotnet run --project samples/ImbalancedClassification -c Release -- [--epochs N] [--batch-size N]
//     [--minority N] [--seed N] [--repeats N] [--threads N] [--show-epochs]
var options = new ImbalancedClassificationOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--minority" => options with { MinorityCount = Number() },
        "--seed" => options with { Seed = Number() },
        "--repeats" => options with { Repeats = Number() },
        "--threads" => options with { Threads = Number() },
        "--show-epochs" => options with { ShowEpochs = true },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --minority, --seed, --repeats, --threads and --show-epochs."),
    };
}

var result = ImbalancedClassificationSample.Run(Console.Out, options);
return result.Weighted.RocAuc > 0 ? 0 : 1;
