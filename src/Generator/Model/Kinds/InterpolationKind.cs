namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Interpolation</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum InterpolationKind
{
    Nearest = 0,
    Bilinear,
}
