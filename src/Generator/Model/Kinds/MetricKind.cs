namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Metric</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum MetricKind
{
    Accuracy = 1,
    RocAuc,
    Mae,
    Mse,
}
