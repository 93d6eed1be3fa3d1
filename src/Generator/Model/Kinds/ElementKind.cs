namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.ElementType</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum ElementKind
{
    Float32 = 0,
    Float64,
    Int64,
    Bool,
}
