namespace NetGen;

/// <summary>How a bidirectional recurrent layer combines its forward and backward outputs (Keras's <c>merge_mode</c>).</summary>
public enum MergeMode
{
    /// <summary>Side by side along the features, forward first: twice the units (<c>"concat"</c>, Keras's default).</summary>
    Concat = 0,

    /// <summary>Added element-wise (<c>"sum"</c>).</summary>
    Sum,

    /// <summary>Multiplied element-wise (<c>"mul"</c>).</summary>
    Multiply,

    /// <summary>The element-wise mean (<c>"ave"</c>).</summary>
    Average,
}
