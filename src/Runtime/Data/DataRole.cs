namespace NetGen.Data;

/// <summary>
/// The part a data set plays, which <c>Fit</c>, <c>Evaluate</c> and the scalers check at run time
/// (the practice rules NG0301 to NG0310 that the analyzers check in code): see <see cref="DataRoles"/>.
/// </summary>
public enum DataRole
{
    /// <summary>Data the network and the fitted transforms learn from.</summary>
    Training,

    /// <summary>Data held out of training to watch it and choose the model: early stopping, checkpoints, tuning.</summary>
    Validation,

    /// <summary>Data looked at once, at the end, to report how the model does on unseen data.</summary>
    Test,

    /// <summary>
    /// The held-out part of a split of data that had no role (<see cref="DataSplit.TrainTestSplit"/> of a
    /// whole table): never trained on, and validation or test data as the code uses it, so no rule assumes
    /// either. A split of training data holds out <see cref="Validation"/> data instead.
    /// </summary>
    HeldOut,
}
