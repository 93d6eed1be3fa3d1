namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Padding</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum PaddingKind
{
    Valid = 0,
    Same,
    Causal,
}
