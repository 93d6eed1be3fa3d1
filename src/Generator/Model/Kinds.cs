namespace NetGen.Model;

// These mirror the runtime's public enums by value (the generator cannot reference the
// runtime assembly); the parser reads attribute arguments as their underlying integers.

/// <summary>The layer kinds of the DSL, one per layer attribute.</summary>
internal enum LayerKind
{
    Dense,
    Dropout,
    BatchNormalization,
    Activation,
    Flatten,
    Add,
    Concatenate,
}

/// <summary>Mirrors <c>NetGen.Activation</c>.</summary>
internal enum ActivationKind
{
    Linear = 0,
    ReLU,
    Sigmoid,
    Tanh,
    Softmax,
    LeakyReLU,
}

/// <summary>Mirrors <c>NetGen.Loss</c>.</summary>
internal enum LossKind
{
    None = 0,
    MeanSquaredError,
    MeanAbsoluteError,
    BinaryCrossentropy,
    CategoricalCrossentropy,
    SparseCategoricalCrossentropy,
}

/// <summary>Mirrors <c>NetGen.Metric</c>.</summary>
internal enum MetricKind
{
    Accuracy = 1,
    RocAuc,
    Mae,
    Mse,
}

/// <summary>Mirrors <c>NetGen.OptimizerKind</c>.</summary>
internal enum OptimizerKind
{
    Adam = 0,
    Sgd,
    Adagrad,
    Adadelta,
    RmsProp,
    AdamW,
}
