namespace NetGen.Model.Layers;

/// <summary>Total and trainable parameter counts of a layer, as Keras counts them (batch-norm statistics are non-trainable parameters).</summary>
internal readonly record struct ParameterCount(long Total, long Trainable);
