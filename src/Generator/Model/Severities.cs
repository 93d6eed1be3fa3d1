namespace NetGen.Model;

/// <summary>
/// Which problems make a declaration unusable. The analyzer's descriptors carry the reported
/// severity (users may lower it); this decides only whether the generator can emit a working class.
/// </summary>
internal static class Severities
{
    public static bool IsError(ProblemKind kind) => kind switch
    {
        ProblemKind.UnusedLayer => false,
        ProblemKind.SoftmaxOnSingleUnit => false,
        ProblemKind.CategoricalCrossentropyOnSingleUnit => false,
        ProblemKind.SigmoidWithCategoricalCrossentropy => false,
        ProblemKind.SoftmaxWithBinaryCrossentropy => false,
        ProblemKind.AccuracyOnRegression => false,
        ProblemKind.MeanSquaredErrorOnClassifier => false,
        ProblemKind.DropoutAfterOutput => false,
        ProblemKind.UnsupportedOptimizerHyperparameter => false,
        _ => true,
    };
}
