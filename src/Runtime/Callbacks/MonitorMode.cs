namespace NetGen.Callbacks;

/// <summary>Whether a monitored value should go down or up.</summary>
public enum MonitorMode
{
    /// <summary>Up for accuracy and AUC, down for everything else.</summary>
    Auto,
    /// <summary>Lower is better.</summary>
    Min,
    /// <summary>Higher is better.</summary>
    Max,
}
