namespace NetGen.Analyzers.Practice;

/// <summary>The part a value plays in a data set, as far as the code shows it.</summary>
internal enum DataRole
{
    /// <summary>Nothing certain: a parameter, a field, a computed path. The rules stay silent.</summary>
    Unknown,

    /// <summary>A whole data set, before any split: a CSV table, Fashion-MNIST or CIFAR-10 with both parts.</summary>
    Whole,

    /// <summary>Training data: a data set's training part, the training side of a split.</summary>
    Training,

    /// <summary>Validation data: a folder's validation subset, a time-series split's validation span, a split of training data.</summary>
    Validation,

    /// <summary>
    /// The held-out side of a split of a whole data set (<c>TrainTestSplit(table.Features, ...).XTest</c>):
    /// a test split by name, but used as a validation split often enough that only its use decides.
    /// </summary>
    HeldOut,

    /// <summary>Test data: a data set's test part, a test file or folder.</summary>
    Test,
}
