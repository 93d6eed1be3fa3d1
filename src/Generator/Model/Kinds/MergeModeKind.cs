namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.MergeMode</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum MergeModeKind
{
    Concat = 0,
    Sum,
    Multiply,
    Average,
}
