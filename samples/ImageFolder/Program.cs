using System;
using System.Globalization;
using NetGen.Samples.ImageFolders;

// dotnet run --project samples/ImageFolder -c Release -- [--images-per-class N] [--unseen-per-class N]
//     [--epochs N] [--batch-size N] [--threads N] [--subset] [--dir DIRECTORY]
var options = new ImageFolderSampleOptions();
for (var i = 0; i < args.Length; i++)
{
    string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    int Number() => int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : throw new ArgumentException($"{args[i - 1]} needs a whole number, not '{args[i]}'.");
    options = args[i] switch
    {
        "--images-per-class" => options with { ImagesPerClass = Number() },
        "--unseen-per-class" => options with { UnseenPerClass = Number() },
        "--epochs" => options with { Epochs = Number() },
        "--batch-size" => options with { BatchSize = Number() },
        "--threads" => options with { Threads = Number() },
        "--subset" => options with { UseFullSet = false },
        "--dir" => options with { Directory = Value() },
        _ => throw new ArgumentException($"Unknown option '{args[i]}'; the options are --images-per-class, --unseen-per-class, --epochs, --batch-size, --threads, --subset and --dir."),
    };
}

var result = ImageFolderSample.Run(Console.Out, options);
return result.ValidationAccuracy > 0 ? 0 : 1;
