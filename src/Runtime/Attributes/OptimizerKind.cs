namespace NetGen;

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
