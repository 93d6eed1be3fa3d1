using Microsoft.CodeAnalysis;

namespace NetGen.Analyzers.Practice;

/// <summary>
/// The runtime types the practice rules read, resolved once per compilation. Only the training and
/// evaluation entry points are required; a type missing from an older runtime just teaches nothing.
/// </summary>
internal sealed class DataTypes
{
    private DataTypes(Compilation compilation, INamedTypeSymbol training, INamedTypeSymbol evaluation)
    {
        NetworkTraining = training;
        NetworkEvaluation = evaluation;
        Tensor = compilation.GetTypeByMetadataName("TorchSharp.torch+Tensor");
        DataSplit = compilation.GetTypeByMetadataName("NetGen.Data.DataSplit");
        TrainTestData = compilation.GetTypeByMetadataName("NetGen.Data.TrainTestData");
        TabularData = compilation.GetTypeByMetadataName("NetGen.Data.TabularData");
        CsvLoader = compilation.GetTypeByMetadataName("NetGen.Data.CsvLoader");
        Scaler = compilation.GetTypeByMetadataName("NetGen.Data.Scaler");
        FashionMnist = compilation.GetTypeByMetadataName("NetGen.Data.FashionMnist");
        FashionMnistData = compilation.GetTypeByMetadataName("NetGen.Data.FashionMnistData");
        Cifar10 = compilation.GetTypeByMetadataName("NetGen.Data.Cifar10");
        Cifar10Data = compilation.GetTypeByMetadataName("NetGen.Data.Cifar10Data");
        LabeledImages = compilation.GetTypeByMetadataName("NetGen.Data.LabeledImages");
        ImageFolder = compilation.GetTypeByMetadataName("NetGen.Data.Images.ImageFolder");
        TimeSeries = compilation.GetTypeByMetadataName("NetGen.Data.TimeSeries");
        TimeSeriesSplit = compilation.GetTypeByMetadataName("NetGen.Data.TimeSeriesSplit");
        ChronologicalSplit = compilation.GetTypeByMetadataName("NetGen.Data.ChronologicalSplit");
        EarlyStopping = compilation.GetTypeByMetadataName("NetGen.Callbacks.EarlyStopping");
        ModelCheckpoint = compilation.GetTypeByMetadataName("NetGen.Callbacks.ModelCheckpoint");
    }

    public INamedTypeSymbol NetworkTraining { get; }

    public INamedTypeSymbol NetworkEvaluation { get; }

    public INamedTypeSymbol? Tensor { get; }

    public INamedTypeSymbol? DataSplit { get; }

    public INamedTypeSymbol? TrainTestData { get; }

    public INamedTypeSymbol? TabularData { get; }

    public INamedTypeSymbol? CsvLoader { get; }

    public INamedTypeSymbol? Scaler { get; }

    public INamedTypeSymbol? FashionMnist { get; }

    public INamedTypeSymbol? FashionMnistData { get; }

    public INamedTypeSymbol? Cifar10 { get; }

    public INamedTypeSymbol? Cifar10Data { get; }

    public INamedTypeSymbol? LabeledImages { get; }

    public INamedTypeSymbol? ImageFolder { get; }

    public INamedTypeSymbol? TimeSeries { get; }

    public INamedTypeSymbol? TimeSeriesSplit { get; }

    public INamedTypeSymbol? ChronologicalSplit { get; }

    public INamedTypeSymbol? EarlyStopping { get; }

    public INamedTypeSymbol? ModelCheckpoint { get; }

    /// <summary>The types of <paramref name="compilation"/>, or null when it does not reference the NetGen runtime.</summary>
    public static DataTypes? Create(Compilation compilation) =>
        compilation.GetTypeByMetadataName("NetGen.NetworkTraining") is { } training
        && compilation.GetTypeByMetadataName("NetGen.NetworkEvaluation") is { } evaluation
            ? new DataTypes(compilation, training, evaluation)
            : null;

    /// <summary>Whether <paramref name="method"/> is one of the runtime's <c>Fit</c> overloads on a network.</summary>
    public bool IsFit(IMethodSymbol method) => method.Name == "Fit" && Is(method.ContainingType, NetworkTraining);

    /// <summary>Whether <paramref name="method"/> is one of the runtime's <c>Evaluate</c> overloads on a network.</summary>
    public bool IsEvaluate(IMethodSymbol method) => method.Name == "Evaluate" && Is(method.ContainingType, NetworkEvaluation);

    /// <summary>Whether <paramref name="type"/> is <paramref name="expected"/> or derives from it.</summary>
    public static bool IsOrDerives(ITypeSymbol? type, ITypeSymbol? expected)
    {
        for (var current = type; current is not null && expected is not null; current = current.BaseType)
        {
            if (Is(current, expected))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Is(ITypeSymbol? type, ITypeSymbol? expected) =>
        type is not null && expected is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, expected);
}
