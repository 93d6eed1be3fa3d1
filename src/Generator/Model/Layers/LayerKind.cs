namespace NetGen.Model;

/// <summary>
/// The layer kinds of the DSL, one per layer attribute. Each has exactly one
/// <see cref="Layers.LayerRule"/> (see <see cref="Layers.LayerRules.For"/>), which a test checks.
/// </summary>
internal enum LayerKind
{
    Dense,
    Dropout,
    BatchNormalization,
    Activation,
    Flatten,
    Add,
    Concatenate,
    Reshape,
    Permute,
    Conv2D,
    MaxPooling2D,
    AveragePooling2D,
    GlobalAveragePooling2D,
    GlobalMaxPooling2D,
    Conv1D,
    Conv2DTranspose,
    ZeroPadding2D,
    Cropping2D,
    UpSampling2D,
    SpatialDropout2D,
    Backbone,
    Embedding,
    SimpleRNN,
    LSTM,
    GRU,
    RepeatVector,
    LayerNormalization,
    GlobalAveragePooling1D,
    GlobalMaxPooling1D,
    Attention,
    AdditiveAttention,
    MultiHeadAttention,
    GaussianNoise,
    GaussianDropout,
    Lambda,
    LossTerm,
    SubNetwork,
    CustomLayer,
}
