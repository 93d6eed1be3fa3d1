namespace NetGen;

/// <summary>Activation functions a layer applies to its output.</summary>
public enum Activation
{
    /// <summary>No activation: the identity.</summary>
    Linear = 0,
    /// <summary><c>max(0, x)</c>.</summary>
    ReLU,
    /// <summary><c>1 / (1 + exp(-x))</c>.</summary>
    Sigmoid,
    /// <summary>Hyperbolic tangent.</summary>
    Tanh,
    /// <summary>Softmax over the last axis.</summary>
    Softmax,
    /// <summary><c>x</c> for positive inputs, <c>alpha * x</c> otherwise.</summary>
    LeakyReLU,
}

/// <summary>Losses a network can be trained with (Keras semantics: outputs are probabilities, not logits).</summary>
public enum Loss
{
    /// <summary>No loss declared: set one with <see cref="Network.Compile"/> before training.</summary>
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

/// <summary>Metrics reported during training and evaluation, computed over the whole epoch.</summary>
public enum Metric
{
    /// <summary>Fraction of correct predictions (threshold 0.5 for one output, argmax otherwise).</summary>
    Accuracy = 1,
    /// <summary>Area under the ROC curve.</summary>
    RocAuc,
    /// <summary>Mean absolute error.</summary>
    Mae,
    /// <summary>Mean squared error.</summary>
    Mse,
}

/// <summary>Optimizers a network can declare as its default.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Keras defaults: learning rate 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7).</summary>
    Adam = 0,
    /// <summary>Stochastic gradient descent, optionally with (Nesterov) momentum; learning rate 0.01.</summary>
    Sgd,
    /// <summary>Adagrad; learning rate 0.001.</summary>
    Adagrad,
    /// <summary>Adadelta; learning rate 0.001, rho 0.95.</summary>
    Adadelta,
    /// <summary>RMSprop; learning rate 0.001, rho 0.9.</summary>
    RmsProp,
    /// <summary>Adam with decoupled weight decay; learning rate 0.001, weight decay 0.004.</summary>
    AdamW,
}
