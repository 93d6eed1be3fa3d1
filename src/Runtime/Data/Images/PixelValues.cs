namespace NetGen.Data;

/// <summary>How image readers return pixel values.</summary>
public enum PixelValues
{
    /// <summary>float32 in [0, 1]: each byte divided by 255 (Keras's <c>Rescaling(1./255)</c>), ready for a network.</summary>
    Rescaled = 0,

    /// <summary>The bytes as stored, uint8 in [0, 255] (a quarter of the memory; convert before training).</summary>
    Bytes,
}
