namespace NetGen.Data.Images;

/// <summary>The channels an image is loaded with (Keras's <c>color_mode</c>).</summary>
public enum ColorMode
{
    /// <summary>Three channels, red, green and blue; an alpha channel is dropped.</summary>
    Rgb,

    /// <summary>One channel: 0.299 R + 0.587 G + 0.114 B, rounded to a byte (ITU-R 601-2 luma, as PIL's <c>L</c> mode).</summary>
    Grayscale,
}
