namespace NetGen.Data.Images;

/// <summary>How an image is resampled to the target size (Keras's <c>interpolation</c>).</summary>
public enum ImageInterpolation
{
    /// <summary>The nearest source pixel.</summary>
    Nearest,

    /// <summary>Linear between the four nearest source pixels (Keras's default).</summary>
    Bilinear,

    /// <summary>Catmull-Rom cubic (Keys, a = -0.5), as TensorFlow's bicubic resize.</summary>
    Bicubic,
}
