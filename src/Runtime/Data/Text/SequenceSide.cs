namespace NetGen.Data.Text;

/// <summary>Which end of a sequence is padded or cut (Keras's <c>"pre"</c> and <c>"post"</c>).</summary>
public enum SequenceSide
{
    /// <summary>The start: padding goes before the values, truncation drops the first ones (Keras's default).</summary>
    Pre,

    /// <summary>The end: padding follows the values, truncation drops the last ones.</summary>
    Post,
}
