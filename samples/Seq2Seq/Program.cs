using System;
using System.Globalization;
using NetGen.Samples.Seq2Seq;

// dotnet run --project samples/Seq2Seq -c Release -- [--task reverse|addition] [--digits N] [--train N]
//     [--validation N] [--test N] [--epochs N] [--batch-size N] [--beam-width N] [--threads N] [--seed N]
// Defaults: reversal of 1 to 12 digits (addition: operands of up to 3 digits), 20,000 training examples,
// 8 epochs of batches of 32, beam width 3, one libtorch thread.
var options = new Seq2SeqOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    DigitTask Task() => Value() switch
    {
        "addition" => DigitTask.Addition,
        "reverse" => DigitTask.Reverse,
        var other => throw new ArgumentException($"--task takes addition or reverse, not '{other}'."),
    };
    options = args[i] switch
    {
        "--task" => options with { Task = Task() },
        "--digits" => options with { Digits = Number() },
        "--train" => options with { TrainCount = Number() },
        "--validation" => options with { ValidationCount = Number() },
        "--test" => options with { TestCount = Number() },
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--beam-width" => options with { BeamWidth = Number() },
        "--threads" => options with { Threads = Number() },
        "--seed" => options with { Seed = Number() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --task, --digits, --train, --validation, --test, --epochs, --batch-size, --beam-width, --threads and --seed."),
    };
}

Seq2SeqSample.Run(Console.Out, options);
