namespace NetGen.Data;

/// <summary>What a time-series loader does with a missing value (an empty field, <c>NaN</c>, <c>NA</c>).</summary>
public enum MissingValuePolicy
{
    /// <summary>
    /// Linear interpolation in time between the nearest values before and after the gap (pandas'
    /// <c>interpolate(method="time")</c>); a gap at the start or the end takes the nearest value
    /// (pandas' <c>limit_direction="both"</c>). See <see cref="TimeSeries.Interpolate"/>.
    /// </summary>
    Interpolate,

    /// <summary>Keep the value as NaN (<see cref="TimeSeries.MissingCount"/> counts them); windows refuse such a series.</summary>
    Keep,

    /// <summary>Throw a <see cref="CsvFormatException"/> naming the first missing field.</summary>
    Error,
}
