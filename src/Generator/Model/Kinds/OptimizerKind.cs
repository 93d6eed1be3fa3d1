namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.OptimizerKind</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum OptimizerKind
{
    Adam = 0,
    Sgd,
    Adagrad,
    Adadelta,
    RmsProp,
    AdamW,
}
