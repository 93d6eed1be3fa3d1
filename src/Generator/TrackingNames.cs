namespace NetGen.Generator;

/// <summary>Names of the incremental steps, so tests can assert how each one ran.</summary>
internal static class TrackingNames
{
    public const string Networks = nameof(Networks);
    public const string Specs = nameof(Specs);
    public const string UniqueSpecs = nameof(UniqueSpecs);
    public const string Diagnostics = nameof(Diagnostics);
}
