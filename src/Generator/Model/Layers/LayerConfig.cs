namespace NetGen.Model.Layers;

/// <summary>
/// A layer's configuration as read from its attribute: one equatable record per kind, holding
/// only what that kind takes (Dense's units and activation, Reshape's target...). Specs hold
/// it, so it must stay plain data.
/// </summary>
internal abstract record LayerConfig;

/// <summary>The configuration of a kind that takes no arguments.</summary>
internal sealed record NoConfig : LayerConfig
{
    public static NoConfig Instance { get; } = new();
}
