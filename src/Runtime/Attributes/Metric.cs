namespace NetGen;

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
