namespace NetGen;

/// <summary>
/// Losses a network can be trained with. Keras semantics: the loss compares the network's
/// output (probabilities after a sigmoid or softmax) with the targets. When the output ends in
/// that sigmoid or softmax, training computes the cross-entropies from the logits instead, which
/// is the same value without clipping and without vanishing gradients.
/// </summary>
public enum Loss
{
    /// <summary>No loss declared: set one with <c>Compile</c> before training.</summary>
    None = 0,
    /// <summary>Mean of squared errors.</summary>
    MeanSquaredError,
    /// <summary>Mean of absolute errors.</summary>
    MeanAbsoluteError,
    /// <summary>Cross-entropy of one sigmoid probability per output against 0/1 labels.</summary>
    BinaryCrossentropy,
    /// <summary>Cross-entropy of softmax probabilities against one-hot labels.</summary>
    CategoricalCrossentropy,
    /// <summary>Cross-entropy of softmax probabilities against integer class labels.</summary>
    SparseCategoricalCrossentropy,
}
