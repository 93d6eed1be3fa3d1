namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Initializer</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum InitializerKind
{
    GlorotUniform = 0,
    GlorotNormal,
    HeUniform,
    HeNormal,
    Zeros,
    Ones,
    TorchDefault,
}
