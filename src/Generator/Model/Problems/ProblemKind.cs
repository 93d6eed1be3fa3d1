namespace NetGen.Model;

/// <summary>
/// Every problem the network model can find in a declaration. Each value maps to exactly one
/// diagnostic (ID in the comment) in <c>NetGen.Analyzers.DiagnosticDescriptors</c>; IDs are never reused.
/// </summary>
internal enum ProblemKind
{
    // Structure (NG00xx)

    /// <summary>NG0001: args = network name.</summary>
    NetworkMustBePartial = 1,

    /// <summary>NG0002: args = network name.</summary>
    MissingInput,

    /// <summary>NG0003: args = network name, shape as written.</summary>
    InvalidInputShape,

    /// <summary>NG0004: args = network name.</summary>
    EmptyNetwork,

    /// <summary>NG0005: args = member name.</summary>
    LayerMemberMustBePartialProperty,

    /// <summary>NG0006: args = member name, layer kind, expected type, actual type.</summary>
    LayerTypeMismatch,

    /// <summary>NG0007: args = member name.</summary>
    MultipleLayerAttributes,

    /// <summary>NG0008: args = layer name, referenced name, network name, input name.</summary>
    UnknownReference,

    /// <summary>NG0009: args = layer name, cycle as "A -> B -> A".</summary>
    CyclicReference,

    /// <summary>NG0010: args = layer name, what the name is reserved for.</summary>
    ReservedLayerName,

    /// <summary>NG0011: args = layer name, output layer name.</summary>
    UnusedLayer,

    /// <summary>NG0012: args = hyperparameter, layer name, requirement, value.</summary>
    InvalidLayerHyperparameter,

    /// <summary>NG0013: args = network name, what it must be instead.</summary>
    UnsupportedNetworkDeclaration,

    /// <summary>NG0014: args = input name as written, network name, what is wrong with it.</summary>
    InvalidInputName,

    /// <summary>NG0015: args = network name, number of inputs, largest supported number.</summary>
    TooManyInputs,

    /// <summary>NG0016: args = layer name, the member before it, that member's file.</summary>
    ImplicitInputAcrossFiles,

    /// <summary>NG0017: args = value as written, enum name, argument name.</summary>
    UndefinedEnumValue,

    /// <summary>NG0018: args = member name.</summary>
    OutputIsNotALayer,

    /// <summary>NG0019: args = member name, what NetGen generates under that name.</summary>
    MemberNameTaken,

    /// <summary>NG0020: args = layer name, network name, the inputs, what to write (From, or the inputs named in a sub-network's attribute).</summary>
    AmbiguousInput,

    /// <summary>NG0021: args = lambda name, parameter name, network name, the names it can take.</summary>
    LambdaParameterNamesNoMember,

    /// <summary>NG0022: args = lambda name, what its signature must be instead.</summary>
    UnsupportedLambdaSignature,

    /// <summary>NG0023: args = loss term name, the names it reads.</summary>
    LossTermReachesNoParameter,

    /// <summary>NG0024: args = layer name, the type it gives, sub-network name, what the sub-network takes.</summary>
    SubNetworkInputMismatch = 24,

    /// <summary>NG0025: args = layer name, sub-network name, the containment as "A -> B -> A".</summary>
    NetworkContainsItself,

    /// <summary>NG0026: args = layer name, sub-network name, what is wrong with the output it gives.</summary>
    SubNetworkOutputNotSelected,

    /// <summary>NG0027: args = layer name, how many inputs it gives, sub-network name, how many it takes, their names.</summary>
    SubNetworkInputCount,

    /// <summary>NG0028: args = layer name, the type it is declared as.</summary>
    CustomLayerNotAModule = 28,

    /// <summary>NG0029: args = layer name, why it cannot be built and how to make it buildable.</summary>
    CustomLayerCannotBeBuilt,

    /// <summary>NG0030: args = layer name, module type name.</summary>
    CustomLayerShapeFunctionUnusable,

    /// <summary>NG0031: args = method name, parameter name, the member it reads, that member's shape, the shape the parameter declares.</summary>
    ParameterShapeMismatch,

    /// <summary>NG0032: args = layer name, sub-network name.</summary>
    AbstractSubNetwork = 32,

    /// <summary>NG0033: args = member name, attribute name.</summary>
    UnknownLayerAttribute,

    /// <summary>NG0034: args = layer name, the type as written, what to do (the using or the type the layer needs).</summary>
    UnresolvedLayerType,

    // Shape (NG01xx)

    /// <summary>NG0101: args = layer kind, layer name, input shape, accepted shapes.</summary>
    UnsupportedInputRank = 101,

    /// <summary>NG0102: args = layer name, inputs with their shapes.</summary>
    AddShapeMismatch,

    /// <summary>NG0103: args = layer name, what the inputs need (the same rank, or to match on every axis but the joined one), inputs with their shapes.</summary>
    ConcatenateShapeMismatch,

    /// <summary>NG0104: args = layer name, axis, the axes the inputs have ("only axis 1", "axes 1 to 3").</summary>
    ConcatenateAxisOutOfRange,

    /// <summary>NG0105: args = layer kind, layer name, what must be known, why it is not.</summary>
    UnknownDimension,

    /// <summary>NG0106: args = layer kind, layer name, accepted element types, input with its type.</summary>
    UnsupportedElementType,

    /// <summary>NG0107: args = layer name, input shape, its value count, target shape, its value count.</summary>
    ReshapeSizeMismatch,

    /// <summary>NG0108: args = layer kind, layer name, window, input shape, trace of spatial sizes.</summary>
    WindowLargerThanInput,

    /// <summary>NG0109: args = layer kind, layer name, input shape, how to add the channel axis.</summary>
    MissingChannelAxis,

    /// <summary>NG0110: args = input name, shape as declared, shape reordered to (channels, height, width).</summary>
    ChannelsLastInput,

    /// <summary>NG0111: args = layer name, input shape, output shape.</summary>
    DenseOnFeatureMap,

    /// <summary>NG0112: args = output layer name, input shape, output shape.</summary>
    FeatureMapOutput,

    /// <summary>NG0113: args = layer kind, layer name, what is left out, input shape, output shape.</summary>
    WindowDropsEdge,

    /// <summary>NG0114: args = layer kind, layer name, kernel size.</summary>
    EvenKernelSize,

    /// <summary>NG0115: args = layer kind, layer name, stride, window span, how many values are skipped.</summary>
    StrideLargerThanWindow,

    /// <summary>NG0116: args = layer kind, layer name, input shape.</summary>
    RecurrentLayerOnVector,

    /// <summary>NG0117: args = lower layer kind, lower layer name, upper layer kind, upper layer name, the lower layer's output size.</summary>
    StackedOnLastOutput,

    /// <summary>NG0118: args = layer kind, layer name, the state's source, why its state does not fit.</summary>
    InitialStateMismatch,

    /// <summary>NG0119: args = layer kind, layer name, the input with the ids.</summary>
    TokenIdsIntoFeatureLayer,

    /// <summary>NG0120: args = layer name, the input with its element type.</summary>
    FeaturesIntoEmbedding,

    /// <summary>NG0121: args = Dense layer name, recurrent layer kind, recurrent layer name, Dense output shape.</summary>
    DenseOnReturnedSequence,

    /// <summary>NG0122: args = output layer name, recurrent layer kind, recurrent layer name, output shape.</summary>
    SequenceOutputFromReturnedSequence,

    /// <summary>
    /// NG0123, found in the user's code by <c>VocabularyAnalyzer</c>, not in a declaration:
    /// args = network name, Embedding layer name, inputDim, vocabulary local, maxWords.
    /// </summary>
    EmbeddingSmallerThanVocabulary,

    /// <summary>NG0124: args = layer kind, layer name, query with its shape, value with its shape.</summary>
    AttentionFeatureMismatch,

    /// <summary>
    /// NG0126, found in the user's code by <c>TimeSeriesWindowAnalyzer</c>, not in a declaration:
    /// args = window length, steps one window and its target need, the span as written, its steps.
    /// </summary>
    WindowLongerThanSpan = 126,

    // Configuration (NG02xx)

    /// <summary>NG0201: args = layer name, advice (sigmoid for an output, more units or another activation for a hidden layer).</summary>
    SoftmaxOnSingleUnit = 201,

    /// <summary>NG0202: args = loss, output layer name.</summary>
    CategoricalCrossentropyOnSingleUnit,

    /// <summary>NG0203: args = output layer name, loss.</summary>
    SigmoidWithCategoricalCrossentropy,

    /// <summary>NG0204: args = output layer name.</summary>
    SoftmaxWithBinaryCrossentropy,

    /// <summary>NG0205: args = network or output name, loss, metric.</summary>
    AccuracyOnRegression,

    /// <summary>NG0206: args = output layer name, activation, loss.</summary>
    MeanSquaredErrorOnClassifier,

    /// <summary>NG0207: args = layer name, rate.</summary>
    DropoutRateOutOfRange,

    /// <summary>NG0208: args = layer name.</summary>
    DropoutAfterOutput,

    /// <summary>NG0209: args = value.</summary>
    InvalidLearningRate,

    /// <summary>NG0210: args = optimizer, hyperparameter.</summary>
    UnsupportedOptimizerHyperparameter,

    /// <summary>NG0211: args = network name, optimizer on [Network], optimizer on [Optimizer].</summary>
    ConflictingOptimizer,

    /// <summary>NG0212: args = hyperparameter, optimizer, requirement, value.</summary>
    InvalidOptimizerHyperparameter,

    /// <summary>NG0213: args = network name, frozen layers with parameters.</summary>
    NothingTrainable,

    /// <summary>NG0214: args = layer name.</summary>
    FrozenBatchNormalization,

    /// <summary>NG0215: args = output layer name, activation, loss, fix.</summary>
    ProbabilityLossOnScores,

    /// <summary>NG0216: args = layer name, rate, what that rate does.</summary>
    ImplausibleDropoutRate,

    /// <summary>NG0217: args = learning rate, optimizer, the top of its usual range.</summary>
    LearningRateAboveUsualRange,

    /// <summary>NG0218: args = layer name, activation, earlier layer name.</summary>
    ActivationAppliedTwice,

    /// <summary>NG0219: args = layer kind, layer name, activation, layer that applies it.</summary>
    LayerAfterOutputActivation,

    /// <summary>NG0220: args = layer name, previous Dense layer name.</summary>
    StackedLinearDense,

    /// <summary>NG0221: args = layer name, momentum, what PyTorch's value means in NetGen's convention.</summary>
    PyTorchBatchNormalizationMomentum,

    /// <summary>NG0222: args = network name, learning rate on [Network], learning rate on [Optimizer].</summary>
    LearningRateOverridden,

    // Practice (NG03xx): found in the user's code that trains and evaluates networks, never in a declaration.

    /// <summary>
    /// NG0301, found by <c>Practice/ValidationOnTestAnalyzer</c>: args = the validation data as written,
    /// why it is the test split (where it comes from, or the final Evaluate it is also passed to).
    /// </summary>
    ValidationOnTestData = 301,

    /// <summary>
    /// NG0302, found by <c>Practice/ValidationOnTestAnalyzer</c>: args = the validation data as written,
    /// the callback that selects the model with it, the network evaluated.
    /// </summary>
    ModelSelectedOnTestData,

    /// <summary>
    /// NG0303, found by <c>Practice/PreprocessingLeakageAnalyzer</c>: args = the fitted transform as written,
    /// the data it is fitted on, the test split it comes from.
    /// </summary>
    TransformFittedOnTestData,

    /// <summary>
    /// NG0304, found by <c>Practice/PreprocessingLeakageAnalyzer</c>: args = the fitted transform as written,
    /// the data it is fitted on, the split that divides that data afterwards.
    /// </summary>
    TransformFittedBeforeSplit,

    /// <summary>
    /// NG0305, found by <c>Practice/TrainingDataEvaluationAnalyzer</c>: args = the network, the data
    /// evaluated, why it is training data.
    /// </summary>
    EvaluatedOnTrainingData,

    /// <summary>
    /// NG0306, found by <c>Practice/OptimizerLearningRateAnalyzer</c>: args = the learning rate as written,
    /// the optimizer class, the top of its usual range (<c>OptimizerHyperparameters.UsualLearningRateLimit</c>).
    /// </summary>
    OptimizerLearningRateAboveUsualRange,

    /// <summary>
    /// NG0307, found by <c>Practice/ShufflingAnalyzer</c>: args = the training data as written,
    /// why its samples are independent of their order.
    /// </summary>
    ShufflingTurnedOff,

    /// <summary>
    /// NG0308, found by <c>Practice/AugmentedEvaluationAnalyzer</c>: args = the batches as written,
    /// the augmentation as written, how they are used (validation data, evaluation).
    /// </summary>
    AugmentedDataMeasured,

    /// <summary>NG0309, found by <c>Practice/ShufflingAnalyzer</c>: args = the time-series rows as written.</summary>
    TimeSeriesSplitShuffled,

    /// <summary>
    /// NG0310, found by <c>Practice/TrainingOnTestAnalyzer</c>: args = the network, the training data as written,
    /// why it is the test split (where it comes from, or the final Evaluate it is also passed to).
    /// </summary>
    TrainedOnTestData,
}
