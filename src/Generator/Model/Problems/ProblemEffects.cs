namespace NetGen.Model;

/// <summary>What a problem does to the class NetGen generates.</summary>
internal enum ProblemEffect
{
    /// <summary>Nothing: a warning or a note; the network is generated as declared.</summary>
    None,

    /// <summary>
    /// The module is generated (forward, summary and weight loading work), but the declared
    /// compile configuration is invalid: training throws until <c>Compile</c> replaces it.
    /// </summary>
    DisablesTraining,

    /// <summary>The module cannot be built: a placeholder keeps the user's code compiling and throws when used.</summary>
    BlocksGeneration,
}

/// <summary>
/// The effect of each problem. Every problem that the declaration's analyzer reports as an error has an
/// effect other than <see cref="ProblemEffect.None"/>, and the reverse (a test checks it against the
/// descriptors); a practice rule (NG03xx) about the code that uses a network has none, even as an error.
/// </summary>
internal static class ProblemEffects
{
    public static ProblemEffect Of(ProblemKind kind, Site site) => kind switch
    {
        // Warnings and notes.
        ProblemKind.UnusedLayer or ProblemKind.ImplicitInputAcrossFiles or ProblemKind.SoftmaxOnSingleUnit
            or ProblemKind.SigmoidWithCategoricalCrossentropy or ProblemKind.SoftmaxWithBinaryCrossentropy
            or ProblemKind.AccuracyOnRegression or ProblemKind.MeanSquaredErrorOnClassifier or ProblemKind.DropoutAfterOutput
            or ProblemKind.UnsupportedOptimizerHyperparameter or ProblemKind.ChannelsLastInput or ProblemKind.DenseOnFeatureMap
            or ProblemKind.WindowDropsEdge or ProblemKind.EvenKernelSize or ProblemKind.StrideLargerThanWindow
            or ProblemKind.NothingTrainable or ProblemKind.FrozenBatchNormalization or ProblemKind.DenseOnReturnedSequence
            or ProblemKind.EmbeddingSmallerThanVocabulary or ProblemKind.WindowLongerThanSpan
            or ProblemKind.LossTermReachesNoParameter or ProblemKind.CustomLayerShapeFunctionUnusable
            or ProblemKind.UnknownLayerAttribute or ProblemKind.ProbabilityLossOnScores or ProblemKind.ImplausibleDropoutRate
            or ProblemKind.LearningRateAboveUsualRange or ProblemKind.ActivationAppliedTwice or ProblemKind.LayerAfterOutputActivation
            or ProblemKind.StackedLinearDense or ProblemKind.PyTorchBatchNormalizationMomentum or ProblemKind.LearningRateOverridden => ProblemEffect.None,

        // Found in the code that uses a network, errors included: the generated class is as declared.
        ProblemKind.ValidationOnTestData or ProblemKind.ModelSelectedOnTestData or ProblemKind.TransformFittedOnTestData
            or ProblemKind.TransformFittedBeforeSplit or ProblemKind.EvaluatedOnTrainingData
            or ProblemKind.OptimizerLearningRateAboveUsualRange or ProblemKind.ShufflingTurnedOff
            or ProblemKind.AugmentedDataMeasured or ProblemKind.TimeSeriesSplitShuffled or ProblemKind.TrainedOnTestData => ProblemEffect.None,

        // Errors in the loss, metrics or optimizer: the module itself is fine.
        ProblemKind.CategoricalCrossentropyOnSingleUnit or ProblemKind.InvalidLearningRate or ProblemKind.ConflictingOptimizer
            or ProblemKind.InvalidOptimizerHyperparameter or ProblemKind.FeatureMapOutput
            or ProblemKind.SequenceOutputFromReturnedSequence => ProblemEffect.DisablesTraining,

        // An undefined enum value or a bad value is a configuration error where the configuration is declared.
        ProblemKind.UndefinedEnumValue or ProblemKind.InvalidLayerHyperparameter when site.IsConfiguration => ProblemEffect.DisablesTraining,

        _ when CanBlockGeneration(kind) => ProblemEffect.BlocksGeneration,

        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "Every problem kind needs an effect."),
    };

    /// <summary>
    /// Whether the problem leaves no module to generate, wherever it is written. Such an error
    /// cannot be suppressed (<c>#pragma</c>, <c>.editorconfig</c>, <c>NoWarn</c>): silenced, the
    /// build would succeed with a placeholder that throws when the network is created.
    /// </summary>
    public static bool CanBlockGeneration(ProblemKind kind) => kind
        is ProblemKind.NetworkMustBePartial or ProblemKind.MissingInput or ProblemKind.InvalidInputShape or ProblemKind.EmptyNetwork
        or ProblemKind.LayerMemberMustBePartialProperty or ProblemKind.LayerTypeMismatch or ProblemKind.MultipleLayerAttributes
        or ProblemKind.UnknownReference or ProblemKind.CyclicReference or ProblemKind.ReservedLayerName
        or ProblemKind.InvalidLayerHyperparameter or ProblemKind.UnsupportedNetworkDeclaration or ProblemKind.InvalidInputName
        or ProblemKind.TooManyInputs or ProblemKind.UndefinedEnumValue or ProblemKind.OutputIsNotALayer or ProblemKind.MemberNameTaken or ProblemKind.AmbiguousInput
        or ProblemKind.LambdaParameterNamesNoMember or ProblemKind.UnsupportedLambdaSignature
        or ProblemKind.SubNetworkInputMismatch or ProblemKind.NetworkContainsItself or ProblemKind.SubNetworkOutputNotSelected or ProblemKind.SubNetworkInputCount
        or ProblemKind.CustomLayerNotAModule or ProblemKind.CustomLayerCannotBeBuilt or ProblemKind.ParameterShapeMismatch or ProblemKind.AbstractSubNetwork
        or ProblemKind.UnresolvedLayerType
        or ProblemKind.UnsupportedInputRank or ProblemKind.AddShapeMismatch or ProblemKind.ConcatenateShapeMismatch
        or ProblemKind.ConcatenateAxisOutOfRange or ProblemKind.UnknownDimension or ProblemKind.UnsupportedElementType
        or ProblemKind.ReshapeSizeMismatch or ProblemKind.DropoutRateOutOfRange or ProblemKind.WindowLargerThanInput or ProblemKind.MissingChannelAxis
        or ProblemKind.RecurrentLayerOnVector or ProblemKind.StackedOnLastOutput or ProblemKind.InitialStateMismatch
        or ProblemKind.AttentionFeatureMismatch or ProblemKind.TokenIdsIntoFeatureLayer or ProblemKind.FeaturesIntoEmbedding;
}
