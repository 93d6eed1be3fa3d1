namespace NetGen;

/// <summary>How <see cref="UpSampling2DAttribute"/> fills the new rows and columns (Keras's <c>interpolation</c>).</summary>
public enum Interpolation
{
    /// <summary>Each value is repeated (<c>"nearest"</c>).</summary>
    Nearest = 0,

    /// <summary>Values are interpolated linearly between pixel centres (<c>"bilinear"</c>, corners not aligned).</summary>
    Bilinear,
}
