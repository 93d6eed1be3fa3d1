namespace NetGen.Data.Text;

/// <summary>How a standardized text is cut into tokens (Keras <c>TextVectorization</c>'s <c>split</c>).</summary>
public enum TokenSplit
{
    /// <summary>Words: runs of characters between white space (Keras's <c>split="whitespace"</c>).</summary>
    Whitespace,

    /// <summary>Every Unicode code point is a token, white space included (Keras's <c>split="character"</c>).</summary>
    Character,
}
