namespace NetGen.Data.Images;

/// <summary>
/// What an augmentation puts where a rotated, shifted, sheared or zoomed-out image has no pixel
/// (Keras's <c>fill_mode</c>), shown for a row <c>abcd</c>.
/// </summary>
public enum FillMode
{
    /// <summary><c>kkkk|abcd|kkkk</c>, where k is <see cref="ImageAugmentation.FillValue"/>.</summary>
    Constant,

    /// <summary><c>aaaa|abcd|dddd</c>: the edge pixel (Keras's default).</summary>
    Nearest,

    /// <summary><c>dcba|abcd|dcba</c>: mirrored about the edge, which is repeated.</summary>
    Reflect,

    /// <summary><c>abcd|abcd|abcd</c>: the image tiled.</summary>
    Wrap,
}
