using System;
using System.Globalization;
using NetGen.Samples.TextClassification;

// dotnet run --project samples/TextClassification -c Release -- [--epochs N] [--batch-size N]
//     [--max-length N] [--max-words N] [--learning-rate X] [--patience N] [--models SimpleRNN,LSTM,GRU,BiLSTM]
//     [--threads N] [--seed N] [--data DIR] [--output DIR]
var options = new TextClassificationOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    double Real() => double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : throw new ArgumentException($"{args[i - 1]} needs a number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--max-length" => options with { MaxLength = Number() },
        "--max-words" => options with { MaxWords = Number() },
        "--learning-rate" => options with { LearningRate = Real() },
        "--patience" => options with { Patience = Number() },
        "--models" => options with { Models = Value().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) },
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        "--data" => options with { DataDirectory = Value() },
        "--output" => options with { OutputDirectory = Value() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --epochs, --batch-size, --max-length, --max-words, --learning-rate, --patience, --models, --threads, --seed, --data and --output."),
    };
}

var result = TextClassificationSample.Run(Console.Out, options);
return result.PredictionsEqualAfterReload ? 0 : 1;
