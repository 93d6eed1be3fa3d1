namespace NetGen.Data.Images;

/// <summary>How a class becomes a target (Keras's <c>label_mode</c>).</summary>
public enum LabelMode
{
    /// <summary>The class index as an int64, shaped (N): for sparse categorical cross-entropy.</summary>
    Int,

    /// <summary>A one-hot float32 row per image, shaped (N, classes): for categorical cross-entropy.</summary>
    Categorical,

    /// <summary>0 or 1 as float32, shaped (N, 1), for exactly two classes: for binary cross-entropy.</summary>
    Binary,
}
