namespace NetGen;

/// <summary>How an <see cref="AttentionAttribute"/> layer scores a query step against a value step (Keras's <c>score_mode</c>).</summary>
public enum ScoreMode
{
    /// <summary>The dot product of the two vectors, Luong's attention (<c>"dot"</c>).</summary>
    Dot = 0,

    /// <summary>The sum of <c>tanh(query + value)</c> over the features, times a learned scalar (<c>"concat"</c>).</summary>
    Concat,
}
