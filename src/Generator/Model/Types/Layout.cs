namespace NetGen.Model;

/// <summary>
/// NetGen's one layout per rank, which every rule uses (batch axis excluded, PyTorch's
/// channels-first convention, batch-first sequences):
/// rank 1 (features); rank 2 (steps, features); rank 3 (channels, height, width);
/// rank 4 (channels, depth, height, width). The feature axis is the last axis of the first two
/// and the channel axis (the first) of the others: Dense maps the last axis, batch
/// normalization normalizes the feature axis, Concatenate joins it by default.
/// </summary>
internal static class Layout
{
    /// <summary>The feature (or channel) axis of a sample of <paramref name="rank"/> axes, batch excluded.</summary>
    public static int FeatureAxis(int rank) => rank <= 2 ? rank - 1 : 0;

    /// <summary>How the layout names a sample of <paramref name="rank"/> axes.</summary>
    public static string Describe(int rank) => rank switch
    {
        1 => "(features)",
        2 => "(steps, features)",
        3 => "(channels, height, width)",
        4 => "(channels, depth, height, width)",
        _ => "a tensor of rank " + Format.Number(rank),
    };

    /// <summary>The name of the feature axis of <paramref name="rank"/>: "features" or "channels".</summary>
    public static string FeatureAxisName(int rank) => rank <= 2 ? "features" : "channels";

    public static string Name(ElementKind type) => type switch
    {
        ElementKind.Float64 => "float64",
        ElementKind.Int64 => "int64",
        ElementKind.Bool => "bool",
        _ => "float32",
    };
}
