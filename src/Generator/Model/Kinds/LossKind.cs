namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.Loss</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum LossKind
{
    None = 0,
    MeanSquaredError,
    MeanAbsoluteError,
    BinaryCrossentropy,
    CategoricalCrossentropy,
    SparseCategoricalCrossentropy,
}
