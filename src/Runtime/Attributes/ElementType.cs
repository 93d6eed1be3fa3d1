namespace NetGen;

/// <summary>The element type of a network's input or output (Keras's <c>dtype</c>).</summary>
public enum ElementType
{
    /// <summary>32-bit floating point, the default for features.</summary>
    Float32 = 0,
    /// <summary>64-bit floating point.</summary>
    Float64,
    /// <summary>64-bit integers, such as token ids or class ids.</summary>
    Int64,
    /// <summary>Booleans, such as masks.</summary>
    Bool,
}
