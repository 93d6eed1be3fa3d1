using System;
using Microsoft.CodeAnalysis;
using NetGen.Model;

namespace NetGen.Analyzers;

/// <summary>
/// Every diagnostic NetGen reports, one field per condition, named as its <see cref="ProblemKind"/>.
/// IDs are never reused; each has a page at <c>docs/diagnostics/{id}.md</c> and an entry in
/// <c>AnalyzerReleases.Unshipped.md</c> (checked by a test).
/// </summary>
/// <remarks>
/// IDs are grouped by category: NG00xx structure, NG01xx shape, NG02xx configuration, NG03xx practice.
/// Message arguments come in the order documented on each <see cref="ProblemKind"/> value.
/// </remarks>
internal static class DiagnosticDescriptors
{
    /// <summary>How a network is declared: partial types, members, references between layers.</summary>
    public const string StructureCategory = "NetGen.Structure";

    /// <summary>Whether the shapes flowing between layers fit.</summary>
    public const string ShapeCategory = "NetGen.Shape";

    /// <summary>Whether layers, loss, metrics and optimizer make sense together.</summary>
    public const string ConfigurationCategory = "NetGen.Configuration";

    /// <summary>How the user's code trains and evaluates a network: which data validates, fits a transform, reports the score.</summary>
    public const string PracticeCategory = "NetGen.Practice";

    private const string HelpLinkFormat = "https://github.com/netgen-dev/netgen/blob/main/docs/diagnostics/{0}.md";

    /// <summary>NG0001: <c>Network '{0}' must be declared partial, and so must every type that contains it</c>.</summary>
    public static readonly DiagnosticDescriptor NetworkMustBePartial = Create(
        "NG0001",
        "Network class is not partial",
        "Network '{0}' must be declared partial, and so must every type that contains it",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0002: <c>Network '{0}' has no [Input] attribute declaring the shape of one sample</c>.</summary>
    public static readonly DiagnosticDescriptor MissingInput = Create(
        "NG0002",
        "Network has no input shape",
        "Network '{0}' has no [Input] attribute declaring the shape of one sample",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0003: <c>Input '{0}' must have at least one dimension, each a positive size or a name; got ({1})</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidInputShape = Create(
        "NG0003",
        "Invalid input shape",
        "Input '{0}' must have at least one dimension, each a positive size or a name; got ({1})",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0004: <c>Network '{0}' declares no layers</c>.</summary>
    public static readonly DiagnosticDescriptor EmptyNetwork = Create(
        "NG0004",
        "Network has no layers",
        "Network '{0}' declares no layers",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0005: <c>Layer '{0}' must be a partial, non-static property with only a get accessor</c>.</summary>
    public static readonly DiagnosticDescriptor LayerMemberMustBePartialProperty = Create(
        "NG0005",
        "Layer is not a partial get-only property",
        "Layer '{0}' must be a partial, non-static property with only a get accessor",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0006: <c>Layer '{0}' ({1}) must be declared as '{2}', not '{3}'</c>.</summary>
    public static readonly DiagnosticDescriptor LayerTypeMismatch = Create(
        "NG0006",
        "Layer property has the wrong module type",
        "Layer '{0}' ({1}) must be declared as '{2}', not '{3}'",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0007: <c>Member '{0}' has more than one layer attribute; a member is exactly one layer</c>.</summary>
    public static readonly DiagnosticDescriptor MultipleLayerAttributes = Create(
        "NG0007",
        "Member has several layer attributes",
        "Member '{0}' has more than one layer attribute; a member is exactly one layer",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0008: <c>Layer '{0}' takes its input from '{1}', which is neither a layer of '{2}' nor one of its inputs ({3})</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownReference = Create(
        "NG0008",
        "Unknown layer reference",
        "Layer '{0}' takes its input from '{1}', which is neither a layer of '{2}' nor one of its inputs ({3})",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0009: <c>Layer '{0}' is part of a cycle: {1}</c>.</summary>
    public static readonly DiagnosticDescriptor CyclicReference = Create(
        "NG0009",
        "Cyclic layer reference",
        "Layer '{0}' is part of a cycle: {1}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0010: <c>Layer name '{0}' is reserved: it is {1}</c>.</summary>
    public static readonly DiagnosticDescriptor ReservedLayerName = Create(
        "NG0010",
        "Reserved layer name",
        "Layer name '{0}' is reserved: it is {1}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0011: <c>Layer '{0}' does not contribute to any output ({1}); it is built but never run</c>.</summary>
    public static readonly DiagnosticDescriptor UnusedLayer = Create(
        "NG0011",
        "Layer does not reach the output",
        "Layer '{0}' does not contribute to any output ({1}); it is built but never run",
        StructureCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0012: <c>{0} of layer '{1}' must be {2}; got {3}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidLayerHyperparameter = Create(
        "NG0012",
        "Invalid layer hyperparameter",
        "{0} of layer '{1}' must be {2}; got {3}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0013: <c>Network '{0}' must be {1}</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedNetworkDeclaration = Create(
        "NG0013",
        "Network cannot be generated from this declaration",
        "Network '{0}' must be {1}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0014: <c>Input name {0} of network '{1}' {2}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidInputName = Create(
        "NG0014",
        "Invalid input name",
        "Input name {0} of network '{1}' {2}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0015: <c>Network '{0}' declares {1} inputs; a network takes at most {2}, the most arguments a TorchSharp module takes</c>.</summary>
    public static readonly DiagnosticDescriptor TooManyInputs = Create(
        "NG0015",
        "Too many inputs",
        "Network '{0}' declares {1} inputs; a network takes at most {2}, the most arguments a TorchSharp module takes",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0016: <c>Layer '{0}' takes the output of '{1}', the member before it, which is declared in another file: the order of the files decides the wiring; write From = nameof({1})</c>.</summary>
    public static readonly DiagnosticDescriptor ImplicitInputAcrossFiles = Create(
        "NG0016",
        "Implicit input from another file",
        "Layer '{0}' takes the output of '{1}', the member before it, which is declared in another file: the order of the files decides the wiring; write From = nameof({1})",
        StructureCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0017: <c>{0} is not a defined {1} value ({2})</c>.</summary>
    public static readonly DiagnosticDescriptor UndefinedEnumValue = Create(
        "NG0017",
        "Undefined enum value",
        "{0} is not a defined {1} value ({2})",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0018: <c>Member '{0}' is marked [Output] but is not a layer; put [Output] on a member with a layer attribute</c>.</summary>
    public static readonly DiagnosticDescriptor OutputIsNotALayer = Create(
        "NG0018",
        "Output is not a layer",
        "Member '{0}' is marked [Output] but is not a layer; put [Output] on a member with a layer attribute",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0019: <c>Member '{0}' has the name of {1}; rename it</c>.</summary>
    public static readonly DiagnosticDescriptor MemberNameTaken = Create(
        "NG0019",
        "Member name taken by the generated network",
        "Member '{0}' has the name of {1}; rename it",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0020: <c>Layer '{0}' is the first layer and has no From, but network '{1}' has several inputs ({2}); {3}</c>.</summary>
    public static readonly DiagnosticDescriptor AmbiguousInput = Create(
        "NG0020",
        "First layer of a network with several inputs has no From",
        "Layer '{0}' is the first layer and has no From, but network '{1}' has several inputs ({2}); {3}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0021: <c>Lambda '{0}' has a parameter '{1}' that names no layer or input of '{2}'; a parameter takes the output of the layer or input it is named after ({3})</c>.</summary>
    public static readonly DiagnosticDescriptor LambdaParameterNamesNoMember = Create(
        "NG0021",
        "Lambda parameter names no layer or input",
        "Lambda '{0}' has a parameter '{1}' that names no layer or input of '{2}'; a parameter takes the output of the layer or input it is named after ({3})",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0022: <c>Lambda '{0}' must {1}</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedLambdaSignature = Create(
        "NG0022",
        "Unsupported Lambda signature",
        "Lambda '{0}' must {1}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0023: <c>Loss term '{0}' reads {1}, which no layer with trainable parameters comes before; adding it to the loss trains nothing</c>.</summary>
    public static readonly DiagnosticDescriptor LossTermReachesNoParameter = Create(
        "NG0023",
        "Loss term reaches no trainable parameter",
        "Loss term '{0}' reads {1}, which no layer with trainable parameters comes before; adding it to the loss trains nothing",
        StructureCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0024: <c>Layer '{0}' gives {1} to sub-network '{2}', {3}</c>.</summary>
    public static readonly DiagnosticDescriptor SubNetworkInputMismatch = Create(
        "NG0024",
        "Sub-network input does not fit",
        "Layer '{0}' gives {1} to sub-network '{2}', {3}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0025: <c>Layer '{0}' is a '{1}', which contains the network declaring it ({2}); a network cannot contain itself</c>.</summary>
    public static readonly DiagnosticDescriptor NetworkContainsItself = Create(
        "NG0025",
        "Network contains itself",
        "Layer '{0}' is a '{1}', which contains the network declaring it ({2}); a network cannot contain itself",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0026: <c>Sub-network '{1}' of layer '{0}' {2}</c>.</summary>
    public static readonly DiagnosticDescriptor SubNetworkOutputNotSelected = Create(
        "NG0026",
        "Sub-network output not selected",
        "Sub-network '{1}' of layer '{0}' {2}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0027: <c>Layer '{0}' gives {1} to sub-network '{2}', which takes {3}: {4}; name one layer or input for each, in that order</c>.</summary>
    public static readonly DiagnosticDescriptor SubNetworkInputCount = Create(
        "NG0027",
        "Sub-network given the wrong number of inputs",
        "Layer '{0}' gives {1} to sub-network '{2}', which takes {3}: {4}; name one layer or input for each, in that order",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0028: <c>Custom layer '{0}' is declared as '{1}', which is not a TorchSharp Module&lt;Tensor, Tensor&gt;; a [CustomLayer] member's type must derive from it</c>.</summary>
    public static readonly DiagnosticDescriptor CustomLayerNotAModule = Create(
        "NG0028",
        "Custom layer type is not a Module<Tensor, Tensor>",
        "Custom layer '{0}' is declared as '{1}', which is not a TorchSharp Module<Tensor, Tensor>; a [CustomLayer] member's type must derive from it",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0029: <c>Custom layer '{0}' cannot be built: {1}</c>.</summary>
    public static readonly DiagnosticDescriptor CustomLayerCannotBeBuilt = Create(
        "NG0029",
        "Custom layer cannot be built",
        "Custom layer '{0}' cannot be built: {1}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0030: <c>Custom layer '{0}': '{1}' declares a ComputeOutputShape the summary cannot call; declare it 'public static long[] ComputeOutputShape(long[] inputShape)'</c>.</summary>
    public static readonly DiagnosticDescriptor CustomLayerShapeFunctionUnusable = Create(
        "NG0030",
        "Custom layer shape function cannot be called",
        "Custom layer '{0}': '{1}' declares a ComputeOutputShape the summary cannot call; declare it 'public static long[] ComputeOutputShape(long[] inputShape)'",
        StructureCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0031: <c>Parameter '{1}' of '{0}' declares the shape {4}, but '{2}' gives {3}</c>.</summary>
    public static readonly DiagnosticDescriptor ParameterShapeMismatch = Create(
        "NG0031",
        "Method parameter shape does not fit its member",
        "Parameter '{1}' of '{0}' declares the shape {4}, but '{2}' gives {3}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0032: <c>Layer '{0}' is a '{1}', which is abstract; a network creates its sub-networks, so '{1}' must be a concrete class</c>.</summary>
    public static readonly DiagnosticDescriptor AbstractSubNetwork = Create(
        "NG0032",
        "Sub-network class is abstract",
        "Layer '{0}' is a '{1}', which is abstract; a network creates its sub-networks, so '{1}' must be a concrete class",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0033: <c>Member '{0}' has [{1}], which derives from LayerAttribute but is no layer NetGen knows; the member is left out of the network</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownLayerAttribute = Create(
        "NG0033",
        "Unknown layer attribute",
        "Member '{0}' has [{1}], which derives from LayerAttribute but is no layer NetGen knows; the member is left out of the network",
        StructureCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0034: <c>Layer '{0}' is declared as '{1}', which does not resolve; {2}</c>.</summary>
    public static readonly DiagnosticDescriptor UnresolvedLayerType = Create(
        "NG0034",
        "Layer type does not resolve",
        "Layer '{0}' is declared as '{1}', which does not resolve; {2}",
        StructureCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0101: <c>{0} layer '{1}' cannot take an input of shape {2}; it takes {3}</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedInputRank = Create(
        "NG0101",
        "Layer cannot take an input of this shape",
        "{0} layer '{1}' cannot take an input of shape {2}; it takes {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0102: <c>Add layer '{0}' needs inputs of one shape; got {1}</c>.</summary>
    public static readonly DiagnosticDescriptor AddShapeMismatch = Create(
        "NG0102",
        "Add inputs differ in shape",
        "Add layer '{0}' needs inputs of one shape; got {1}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0103: <c>Concatenate layer '{0}' needs {1}; got {2}</c> ({1}: inputs of the same rank, or inputs that match on every axis but axis N).</summary>
    public static readonly DiagnosticDescriptor ConcatenateShapeMismatch = Create(
        "NG0103",
        "Concatenate inputs do not match",
        "Concatenate layer '{0}' needs {1}; got {2}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0104: <c>Concatenate layer '{0}' joins axis {1}, but its inputs have {2} (axis 0 is the batch)</c>.</summary>
    public static readonly DiagnosticDescriptor ConcatenateAxisOutOfRange = Create(
        "NG0104",
        "Concatenate axis out of range",
        "Concatenate layer '{0}' joins axis {1}, but its inputs have {2} (axis 0 is the batch)",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0105: <c>{0} layer '{1}' needs {2} at compile time, but {3}</c>.</summary>
    public static readonly DiagnosticDescriptor UnknownDimension = Create(
        "NG0105",
        "Layer needs a size known at compile time",
        "{0} layer '{1}' needs {2} at compile time, but {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0106: <c>{0} layer '{1}' takes {2}; {3}</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedElementType = Create(
        "NG0106",
        "Layer cannot take inputs of this element type",
        "{0} layer '{1}' takes {2}; {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0107: <c>Reshape layer '{0}' cannot turn {1} ({2} values) into {3} ({4} values)</c>.</summary>
    public static readonly DiagnosticDescriptor ReshapeSizeMismatch = Create(
        "NG0107",
        "Reshape changes the number of values",
        "Reshape layer '{0}' cannot turn {1} ({2} values) into {3} ({4} values)",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0108: <c>{0} layer '{1}' slides a {2} window over {3}, which is smaller; spatial sizes down the network: {4}</c>.</summary>
    public static readonly DiagnosticDescriptor WindowLargerThanInput = Create(
        "NG0108",
        "Window larger than its input",
        "{0} layer '{1}' slides a {2} window over {3}, which is smaller; spatial sizes down the network: {4}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0109: <c>{0} layer '{1}' needs a (channels, height, width) input, but gets {2}; {3}</c>.</summary>
    public static readonly DiagnosticDescriptor MissingChannelAxis = Create(
        "NG0109",
        "Image layer without a channel axis",
        "{0} layer '{1}' needs a (channels, height, width) input, but gets {2}; {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0110: <c>Input '{0}' is declared ({1}), which looks channels-last; NetGen images are (channels, height, width): ({2})</c>.</summary>
    public static readonly DiagnosticDescriptor ChannelsLastInput = Create(
        "NG0110",
        "Input shape looks channels-last",
        "Input '{0}' is declared ({1}), which looks channels-last; NetGen images are (channels, height, width): ({2})",
        ShapeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0111: <c>Dense layer '{0}' maps only the last axis (the width) of the feature map {1}, giving {2}; flatten the map first with Flatten or GlobalAveragePooling2D</c>.</summary>
    public static readonly DiagnosticDescriptor DenseOnFeatureMap = Create(
        "NG0111",
        "Dense on an unflattened feature map",
        "Dense layer '{0}' maps only the last axis (the width) of the feature map {1}, giving {2}; flatten the map first with Flatten or GlobalAveragePooling2D",
        ShapeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0112: <c>Output layer '{0}' applies Dense to the feature map {1} and so produces {2}, not one vector per sample; add Flatten or GlobalAveragePooling2D before it</c>.</summary>
    public static readonly DiagnosticDescriptor FeatureMapOutput = Create(
        "NG0112",
        "Output is a feature map",
        "Output layer '{0}' applies Dense to the feature map {1} and so produces {2}, not one vector per sample; add Flatten or GlobalAveragePooling2D before it",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0113: <c>{0} layer '{1}' never reads {2} of its input {3}: Valid padding floors the output to {4}; use Padding.Same or sizes that divide evenly if the edge matters</c>.</summary>
    public static readonly DiagnosticDescriptor WindowDropsEdge = Create(
        "NG0113",
        "Window leaves rows or columns unread",
        "{0} layer '{1}' never reads {2} of its input {3}: Valid padding floors the output to {4}; use Padding.Same or sizes that divide evenly if the edge matters",
        ShapeCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0114: <c>{0} layer '{1}' has an even kernel size {2}: the window has no centre, and Same padding pads one side more than the other</c>.</summary>
    public static readonly DiagnosticDescriptor EvenKernelSize = Create(
        "NG0114",
        "Even kernel size",
        "{0} layer '{1}' has an even kernel size {2}: the window has no centre, and Same padding pads one side more than the other",
        ShapeCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0115: <c>{0} layer '{1}' moves by {2} but its window spans only {3}: {4} of every {2} rows and columns are never seen</c>.</summary>
    public static readonly DiagnosticDescriptor StrideLargerThanWindow = Create(
        "NG0115",
        "Stride larger than the window",
        "{0} layer '{1}' moves by {2} but its window spans only {3}: {4} of every {2} rows and columns are never seen",
        ShapeCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0116: <c>{0} layer '{1}' needs a sequence (steps, features) but its input is {2}, one vector per sample; ...</c>.</summary>
    public static readonly DiagnosticDescriptor RecurrentLayerOnVector = Create(
        "NG0116",
        "Recurrent layer given one vector per sample",
        "{0} layer '{1}' needs a sequence (steps, features) but its input is {2}, one vector per sample: reshape a series to (steps, 1) with [Reshape(steps, 1)], or map token ids to vectors with an [Embedding] layer first",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0117: <c>{0} layer '{1}' returns only its last output ({4} values), but {2} layer '{3}' stacked on it needs a sequence; set ReturnSequences = true on '{1}'</c>.</summary>
    public static readonly DiagnosticDescriptor StackedOnLastOutput = Create(
        "NG0117",
        "Stacked recurrent layer reads a last output",
        "{0} layer '{1}' returns only its last output ({4} values), but {2} layer '{3}' stacked on it needs a sequence; set ReturnSequences = true on '{1}'",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0118: <c>{0} layer '{1}' cannot start from the final state of '{2}': {3}</c>.</summary>
    public static readonly DiagnosticDescriptor InitialStateMismatch = Create(
        "NG0118",
        "Initial state does not fit the layer",
        "{0} layer '{1}' cannot start from the final state of '{2}': {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0119: <c>{0} layer '{1}' receives token ids (int64) from '{2}', but it computes with floating-point features: add an Embedding before it</c>.</summary>
    public static readonly DiagnosticDescriptor TokenIdsIntoFeatureLayer = Create(
        "NG0119",
        "Token ids fed to a layer that takes features",
        "{0} layer '{1}' receives token ids (int64) from '{2}', but it computes with floating-point features: add an Embedding before it",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0120: <c>Embedding '{0}' looks up int64 token ids, but {1}: declare the input with ElementType = ElementType.Int64, or remove the Embedding if the values are features, not ids</c>.</summary>
    public static readonly DiagnosticDescriptor FeaturesIntoEmbedding = Create(
        "NG0120",
        "Features fed to an Embedding",
        "Embedding '{0}' looks up int64 token ids, but {1}: declare the input with ElementType = ElementType.Int64, or remove the Embedding if the values are features, not ids",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0121: <c>Dense layer '{0}' reads the sequence {1} layer '{2}' returns, so it maps every step and outputs {3}, not one vector per sample; set ReturnSequences = false on '{2}', or TimeDistributed = true on '{0}' if per-step outputs are meant</c>.</summary>
    public static readonly DiagnosticDescriptor DenseOnReturnedSequence = Create(
        "NG0121",
        "Dense reads a returned sequence",
        "Dense layer '{0}' reads the sequence {1} layer '{2}' returns, so it maps every step and outputs {3}, not one vector per sample; set ReturnSequences = false on '{2}', or TimeDistributed = true on '{0}' if per-step outputs are meant",
        ShapeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0122: <c>Output layer '{0}' reads the sequence {1} layer '{2}' returns, so the network predicts {3} per sample, one value per step; set ReturnSequences = false on '{2}', or TimeDistributed = true on '{0}' if per-step outputs are meant</c>.</summary>
    public static readonly DiagnosticDescriptor SequenceOutputFromReturnedSequence = Create(
        "NG0122",
        "Output layer predicts per step from a returned sequence",
        "Output layer '{0}' reads the sequence {1} layer '{2}' returns, so the network predicts {3} per sample, one value per step; set ReturnSequences = false on '{2}', or TimeDistributed = true on '{0}' if per-step outputs are meant",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0123: <c>'{3}' holds up to {4} ids (maxWords: {4}), but Embedding '{1}' of '{0}' that reads them has inputDim {2}: ids from {2} on have no row; give the Embedding inputDim {4}, or build the vocabulary with maxWords: {2}</c>.</summary>
    public static readonly DiagnosticDescriptor EmbeddingSmallerThanVocabulary = Create(
        "NG0123",
        "Embedding smaller than the vocabulary",
        "'{3}' holds up to {4} ids (maxWords: {4}), but Embedding '{1}' of '{0}' that reads them has inputDim {2}: ids from {2} on have no row; give the Embedding inputDim {4}, or build the vocabulary with maxWords: {2}",
        ShapeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0124: <c>{0} layer '{1}' scores each query step against each value step feature by feature, so both need the same number of features; got {2} and {3}</c>.</summary>
    public static readonly DiagnosticDescriptor AttentionFeatureMismatch = Create(
        "NG0124",
        "Attention query and value differ in features",
        "{0} layer '{1}' scores each query step against each value step feature by feature, so both need the same number of features; got {2} and {3}",
        ShapeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0126: <c>Windows of {0} steps need {1} steps for one window and its target, but {2} has {3}; shorten the windows or lengthen the span</c>.</summary>
    public static readonly DiagnosticDescriptor WindowLongerThanSpan = Create(
        "NG0126",
        "Time-series windows longer than their span",
        "Windows of {0} steps need {1} steps for one window and its target, but {2} has {3}; shorten the windows or lengthen the span",
        ShapeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0201: <c>Layer '{0}' applies softmax to a single unit, so it always outputs 1; {1}</c>.</summary>
    public static readonly DiagnosticDescriptor SoftmaxOnSingleUnit = Create(
        "NG0201",
        "Softmax on a single unit",
        "Layer '{0}' applies softmax to a single unit, so it always outputs 1; {1}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0202: <c>{0} needs one output unit per class, but output layer '{1}' has a single unit; use BinaryCrossentropy with a sigmoid output</c>.</summary>
    public static readonly DiagnosticDescriptor CategoricalCrossentropyOnSingleUnit = Create(
        "NG0202",
        "Categorical cross-entropy on a single output unit",
        "{0} needs one output unit per class, but output layer '{1}' has a single unit; use BinaryCrossentropy with a sigmoid output",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0203: <c>Output layer '{0}' uses sigmoid, but {1} expects softmax probabilities that sum to 1</c>.</summary>
    public static readonly DiagnosticDescriptor SigmoidWithCategoricalCrossentropy = Create(
        "NG0203",
        "Sigmoid output with categorical cross-entropy",
        "Output layer '{0}' uses sigmoid, but {1} expects softmax probabilities that sum to 1",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0204: <c>Output layer '{0}' uses softmax with BinaryCrossentropy and Accuracy: accuracy is then computed per unit and overstates the model; use CategoricalCrossentropy</c>.</summary>
    public static readonly DiagnosticDescriptor SoftmaxWithBinaryCrossentropy = Create(
        "NG0204",
        "Softmax output with binary cross-entropy and accuracy",
        "Output layer '{0}' uses softmax with BinaryCrossentropy and Accuracy: accuracy is then computed per unit and overstates the model; use CategoricalCrossentropy",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0205: <c>'{0}' reports {2}, but its loss {1} is a regression loss; report Mae or Mse instead</c>.</summary>
    public static readonly DiagnosticDescriptor AccuracyOnRegression = Create(
        "NG0205",
        "Classification metric on a regression loss",
        "'{0}' reports {2}, but its loss {1} is a regression loss; report Mae or Mse instead",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0206: <c>Output layer '{0}' uses {1}, a classifier's activation, with {2}; cross-entropy trains classifiers better</c>.</summary>
    public static readonly DiagnosticDescriptor MeanSquaredErrorOnClassifier = Create(
        "NG0206",
        "Regression loss on a classifier output",
        "Output layer '{0}' uses {1}, a classifier's activation, with {2}; cross-entropy trains classifiers better",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0207: <c>Dropout rate of '{0}' must be in [0, 1); got {1}</c>.</summary>
    public static readonly DiagnosticDescriptor DropoutRateOutOfRange = Create(
        "NG0207",
        "Dropout rate out of range",
        "Dropout rate of '{0}' must be in [0, 1); got {1}",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0208: <c>Dropout layer '{0}' is the output layer: it drops predictions during training and does nothing at inference</c>.</summary>
    public static readonly DiagnosticDescriptor DropoutAfterOutput = Create(
        "NG0208",
        "Dropout as the output layer",
        "Dropout layer '{0}' is the output layer: it drops predictions during training and does nothing at inference",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0209: <c>The learning rate must be a positive, finite number; got {0}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidLearningRate = Create(
        "NG0209",
        "Invalid learning rate",
        "The learning rate must be a positive, finite number; got {0}",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0210: <c>{0} has no hyperparameter {1}; the value is ignored</c>.</summary>
    public static readonly DiagnosticDescriptor UnsupportedOptimizerHyperparameter = Create(
        "NG0210",
        "Hyperparameter not used by the optimizer",
        "{0} has no hyperparameter {1}; the value is ignored",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0211: <c>Network '{0}' declares optimizer {1} on [Network] but {2} on [Optimizer]</c>.</summary>
    public static readonly DiagnosticDescriptor ConflictingOptimizer = Create(
        "NG0211",
        "Conflicting optimizers",
        "Network '{0}' declares optimizer {1} on [Network] but {2} on [Optimizer]",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0212: <c>{0} of {1} must be {2}; got {3}</c>.</summary>
    public static readonly DiagnosticDescriptor InvalidOptimizerHyperparameter = Create(
        "NG0212",
        "Invalid optimizer hyperparameter",
        "{0} of {1} must be {2}; got {3}",
        ConfigurationCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0213: <c>Every layer of '{0}' with weights is declared Trainable = false ({1}): training has nothing to update</c>.</summary>
    public static readonly DiagnosticDescriptor NothingTrainable = Create(
        "NG0213",
        "Freezing leaves nothing trainable",
        "Every layer of '{0}' with weights is declared Trainable = false ({1}): training has nothing to update",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0214: <c>Frozen batch normalization '{0}' runs in inference mode: it normalizes with its moving mean and variance and no longer updates them, in Fit as in Predict</c>.</summary>
    public static readonly DiagnosticDescriptor FrozenBatchNormalization = Create(
        "NG0214",
        "Frozen batch normalization runs in inference mode",
        "Frozen batch normalization '{0}' runs in inference mode: it normalizes with its moving mean and variance and no longer updates them, in Fit as in Predict",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0215: <c>Output layer '{0}' ends in {1}, so its values are not probabilities, but {2} expects probabilities; {3}</c>.</summary>
    public static readonly DiagnosticDescriptor ProbabilityLossOnScores = Create(
        "NG0215",
        "Probability loss on an output that is not a probability",
        "Output layer '{0}' ends in {1}, so its values are not probabilities, but {2} expects probabilities; {3}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0216: <c>Dropout rate of '{0}' is {1}: {2}</c>.</summary>
    public static readonly DiagnosticDescriptor ImplausibleDropoutRate = Create(
        "NG0216",
        "Dropout rate that drops nothing or almost everything",
        "Dropout rate of '{0}' is {1}: {2}",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0217: <c>Learning rate {0} is far above {1}'s usual range (up to {2}); training is likely to diverge</c>.</summary>
    public static readonly DiagnosticDescriptor LearningRateAboveUsualRange = Create(
        "NG0217",
        "Learning rate far above the optimizer's usual range",
        "Learning rate {0} is far above {1}'s usual range (up to {2}); training is likely to diverge",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0218: <c>Layer '{0}' applies {1} to the output of '{2}', which already applies {3}: the values are squashed twice; keep one activation</c>.</summary>
    public static readonly DiagnosticDescriptor ActivationAppliedTwice = Create(
        "NG0218",
        "Output activation applied twice",
        "Layer '{0}' applies {1} to the output of '{2}', which already applies {3}: the values are squashed twice; keep one activation",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0219: <c>{0} layer '{1}' comes after the {2} of '{3}' and changes its range, so the output no longer holds probabilities; apply {2} last</c>.</summary>
    public static readonly DiagnosticDescriptor LayerAfterOutputActivation = Create(
        "NG0219",
        "Layer after the output activation",
        "{0} layer '{1}' comes after the {2} of '{3}' and changes its range, so the output no longer holds probabilities; apply {2} last",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0220: <c>Dense layer '{0}' has no activation and reads Dense layer '{1}', which has none either: the two compose into one linear map; give '{1}' an activation such as ReLU</c>.</summary>
    public static readonly DiagnosticDescriptor StackedLinearDense = Create(
        "NG0220",
        "Stacked Dense layers without activation",
        "Dense layer '{0}' has no activation and reads Dense layer '{1}', which has none either: the two compose into one linear map; give '{1}' an activation such as ReLU",
        ConfigurationCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0221: <c>Momentum {1} of '{0}' looks like PyTorch's convention; NetGen follows Keras, where the moving statistics keep {1} of their value each step; PyTorch's momentum {1} is Momentum = {2} here</c>.</summary>
    public static readonly DiagnosticDescriptor PyTorchBatchNormalizationMomentum = Create(
        "NG0221",
        "Batch normalization momentum in PyTorch's convention",
        "Momentum {1} of '{0}' looks like PyTorch's convention; NetGen follows Keras, where the moving statistics keep {1} of their value each step; PyTorch's momentum {1} is Momentum = {2} here",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0222: <c>Network '{0}' declares learning rate {1} on [Network] and {2} on [Optimizer]; only the optimizer's {2} is used</c>.</summary>
    public static readonly DiagnosticDescriptor LearningRateOverridden = Create(
        "NG0222",
        "Learning rate declared twice",
        "Network '{0}' declares learning rate {1} on [Network] and {2} on [Optimizer]; only the optimizer's {2} is used",
        ConfigurationCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0301: <c>Validation data '{0}' {1}: the test score is no longer an estimate on unseen data; hold the validation data out of the training data (validationSplit, or a split of the training set)</c>.</summary>
    public static readonly DiagnosticDescriptor ValidationOnTestData = Create(
        "NG0301",
        "Validation on the test split",
        "Validation data '{0}' {1}: the test score is no longer an estimate on unseen data; hold the validation data out of the training data (validationSplit, or a split of the training set)",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0302: <c>Validation data '{0}' selects the model ({1}) and is passed to the final Evaluate of '{2}': the reported score is measured on the data the weights were chosen on; hold the validation data out of the training data</c>.</summary>
    public static readonly DiagnosticDescriptor ModelSelectedOnTestData = Create(
        "NG0302",
        "Test data selects the model and reports its score",
        "Validation data '{0}' selects the model ({1}) and is passed to the final Evaluate of '{2}': the reported score is measured on the data the weights were chosen on; hold the validation data out of the training data",
        PracticeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0303: <c>'{0}' is fitted on '{1}', which is test data{2}: fit it on the training split and only transform the test data</c>.</summary>
    public static readonly DiagnosticDescriptor TransformFittedOnTestData = Create(
        "NG0303",
        "Transform fitted on the test split",
        "'{0}' is fitted on '{1}', which is test data{2}: fit it on the training split and only transform the test data",
        PracticeCategory,
        DiagnosticSeverity.Error);

    /// <summary>NG0304: <c>'{0}' is fitted on '{1}' before {2} splits it: statistics of the test rows leak into training; split first, then fit on the training split</c>.</summary>
    public static readonly DiagnosticDescriptor TransformFittedBeforeSplit = Create(
        "NG0304",
        "Transform fitted before the split",
        "'{0}' is fitted on '{1}' before {2} splits it: statistics of the test rows leak into training; split first, then fit on the training split",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0305: <c>The only Evaluate of '{0}' measures '{1}', {2}: the score shows how well the network fits, not how it generalizes; evaluate on a held-out test split</c>.</summary>
    public static readonly DiagnosticDescriptor EvaluatedOnTrainingData = Create(
        "NG0305",
        "Evaluation on the training data",
        "The only Evaluate of '{0}' measures '{1}', {2}: the score shows how well the network fits, not how it generalizes; evaluate on a held-out test split",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0306: <c>Learning rate {0} is far above {1}'s usual range (up to {2}); training is likely to diverge</c>.</summary>
    public static readonly DiagnosticDescriptor OptimizerLearningRateAboveUsualRange = Create(
        "NG0306",
        "Optimizer created with a learning rate far above its usual range",
        "Learning rate {0} is far above {1}'s usual range (up to {2}); training is likely to diverge",
        PracticeCategory,
        DiagnosticSeverity.Info);

    /// <summary>NG0307: <c>Fit trains on '{0}', {1}, with shuffling turned off: every epoch sees the samples in the same order, so its batches are not random draws; leave shuffle at true</c>.</summary>
    public static readonly DiagnosticDescriptor ShufflingTurnedOff = Create(
        "NG0307",
        "Shuffling turned off for independent samples",
        "Fit trains on '{0}', {1}, with shuffling turned off: every epoch sees the samples in the same order, so its batches are not random draws; leave shuffle at true",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0308: <c>'{0}' is augmented with {1} and is {2}: the score is measured on randomly changed images, not on the data; measure on batches without augmentation (the folder's Validation())</c>.</summary>
    public static readonly DiagnosticDescriptor AugmentedDataMeasured = Create(
        "NG0308",
        "Augmentation on validation or test data",
        "'{0}' is augmented with {1} and is {2}: the score is measured on randomly changed images, not on the data; measure on batches without augmentation (the folder's Validation())",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0309: <c>TrainTestSplit shuffles the steps of the time series '{0}': each test step has its neighbours in the training part, so the test score measures filling gaps, not forecasting; split in time order with ChronologicalSplit, which tests on the last steps</c>.</summary>
    public static readonly DiagnosticDescriptor TimeSeriesSplitShuffled = Create(
        "NG0309",
        "Shuffled split of a time series",
        "TrainTestSplit shuffles the steps of the time series '{0}': each test step has its neighbours in the training part, so the test score measures filling gaps, not forecasting; split in time order with ChronologicalSplit, which tests on the last steps",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>NG0310: <c>Fit trains '{0}' on '{1}', which {2}: the test score then measures data the network has learned, not unseen data; train on the training split and keep the test split for the final Evaluate</c>.</summary>
    public static readonly DiagnosticDescriptor TrainedOnTestData = Create(
        "NG0310",
        "Training on the test split",
        "Fit trains '{0}' on '{1}', which {2}: the test score then measures data the network has learned, not unseen data; train on the training split and keep the test split for the final Evaluate",
        PracticeCategory,
        DiagnosticSeverity.Warning);

    /// <summary>
    /// Whether the problem is found in the code that uses a network (by the analyzers in <c>Practice/</c>:
    /// NG0123, NG0126 and the NG03xx practice rules) rather than in its declaration (by <see cref="NetworkAnalyzer"/>).
    /// </summary>
    public static bool IsFoundInUserCode(ProblemKind kind) => kind is ProblemKind.EmbeddingSmallerThanVocabulary or ProblemKind.WindowLongerThanSpan
        or ProblemKind.ValidationOnTestData or ProblemKind.ModelSelectedOnTestData or ProblemKind.TransformFittedOnTestData
        or ProblemKind.TransformFittedBeforeSplit or ProblemKind.EvaluatedOnTrainingData or ProblemKind.OptimizerLearningRateAboveUsualRange
        or ProblemKind.ShufflingTurnedOff or ProblemKind.AugmentedDataMeasured or ProblemKind.TimeSeriesSplitShuffled
        or ProblemKind.TrainedOnTestData;

    /// <summary>The descriptor reporting <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A problem kind was added without a descriptor (a test catches this).</exception>
    public static DiagnosticDescriptor For(ProblemKind kind) => kind switch
    {
        ProblemKind.NetworkMustBePartial => NetworkMustBePartial,
        ProblemKind.MissingInput => MissingInput,
        ProblemKind.InvalidInputShape => InvalidInputShape,
        ProblemKind.EmptyNetwork => EmptyNetwork,
        ProblemKind.LayerMemberMustBePartialProperty => LayerMemberMustBePartialProperty,
        ProblemKind.LayerTypeMismatch => LayerTypeMismatch,
        ProblemKind.MultipleLayerAttributes => MultipleLayerAttributes,
        ProblemKind.UnknownReference => UnknownReference,
        ProblemKind.CyclicReference => CyclicReference,
        ProblemKind.ReservedLayerName => ReservedLayerName,
        ProblemKind.UnusedLayer => UnusedLayer,
        ProblemKind.InvalidLayerHyperparameter => InvalidLayerHyperparameter,
        ProblemKind.UnsupportedNetworkDeclaration => UnsupportedNetworkDeclaration,
        ProblemKind.InvalidInputName => InvalidInputName,
        ProblemKind.TooManyInputs => TooManyInputs,
        ProblemKind.ImplicitInputAcrossFiles => ImplicitInputAcrossFiles,
        ProblemKind.UndefinedEnumValue => UndefinedEnumValue,
        ProblemKind.OutputIsNotALayer => OutputIsNotALayer,
        ProblemKind.MemberNameTaken => MemberNameTaken,
        ProblemKind.AmbiguousInput => AmbiguousInput,
        ProblemKind.LambdaParameterNamesNoMember => LambdaParameterNamesNoMember,
        ProblemKind.UnsupportedLambdaSignature => UnsupportedLambdaSignature,
        ProblemKind.LossTermReachesNoParameter => LossTermReachesNoParameter,
        ProblemKind.SubNetworkInputMismatch => SubNetworkInputMismatch,
        ProblemKind.NetworkContainsItself => NetworkContainsItself,
        ProblemKind.SubNetworkOutputNotSelected => SubNetworkOutputNotSelected,
        ProblemKind.SubNetworkInputCount => SubNetworkInputCount,
        ProblemKind.CustomLayerNotAModule => CustomLayerNotAModule,
        ProblemKind.CustomLayerCannotBeBuilt => CustomLayerCannotBeBuilt,
        ProblemKind.CustomLayerShapeFunctionUnusable => CustomLayerShapeFunctionUnusable,
        ProblemKind.ParameterShapeMismatch => ParameterShapeMismatch,
        ProblemKind.AbstractSubNetwork => AbstractSubNetwork,
        ProblemKind.UnknownLayerAttribute => UnknownLayerAttribute,
        ProblemKind.UnresolvedLayerType => UnresolvedLayerType,
        ProblemKind.UnsupportedInputRank => UnsupportedInputRank,
        ProblemKind.AddShapeMismatch => AddShapeMismatch,
        ProblemKind.ConcatenateShapeMismatch => ConcatenateShapeMismatch,
        ProblemKind.ConcatenateAxisOutOfRange => ConcatenateAxisOutOfRange,
        ProblemKind.UnknownDimension => UnknownDimension,
        ProblemKind.UnsupportedElementType => UnsupportedElementType,
        ProblemKind.ReshapeSizeMismatch => ReshapeSizeMismatch,
        ProblemKind.WindowLargerThanInput => WindowLargerThanInput,
        ProblemKind.MissingChannelAxis => MissingChannelAxis,
        ProblemKind.ChannelsLastInput => ChannelsLastInput,
        ProblemKind.DenseOnFeatureMap => DenseOnFeatureMap,
        ProblemKind.FeatureMapOutput => FeatureMapOutput,
        ProblemKind.WindowDropsEdge => WindowDropsEdge,
        ProblemKind.EvenKernelSize => EvenKernelSize,
        ProblemKind.StrideLargerThanWindow => StrideLargerThanWindow,
        ProblemKind.RecurrentLayerOnVector => RecurrentLayerOnVector,
        ProblemKind.StackedOnLastOutput => StackedOnLastOutput,
        ProblemKind.InitialStateMismatch => InitialStateMismatch,
        ProblemKind.TokenIdsIntoFeatureLayer => TokenIdsIntoFeatureLayer,
        ProblemKind.FeaturesIntoEmbedding => FeaturesIntoEmbedding,
        ProblemKind.DenseOnReturnedSequence => DenseOnReturnedSequence,
        ProblemKind.SequenceOutputFromReturnedSequence => SequenceOutputFromReturnedSequence,
        ProblemKind.EmbeddingSmallerThanVocabulary => EmbeddingSmallerThanVocabulary,
        ProblemKind.AttentionFeatureMismatch => AttentionFeatureMismatch,
        ProblemKind.WindowLongerThanSpan => WindowLongerThanSpan,
        ProblemKind.SoftmaxOnSingleUnit => SoftmaxOnSingleUnit,
        ProblemKind.CategoricalCrossentropyOnSingleUnit => CategoricalCrossentropyOnSingleUnit,
        ProblemKind.SigmoidWithCategoricalCrossentropy => SigmoidWithCategoricalCrossentropy,
        ProblemKind.SoftmaxWithBinaryCrossentropy => SoftmaxWithBinaryCrossentropy,
        ProblemKind.AccuracyOnRegression => AccuracyOnRegression,
        ProblemKind.MeanSquaredErrorOnClassifier => MeanSquaredErrorOnClassifier,
        ProblemKind.DropoutRateOutOfRange => DropoutRateOutOfRange,
        ProblemKind.DropoutAfterOutput => DropoutAfterOutput,
        ProblemKind.InvalidLearningRate => InvalidLearningRate,
        ProblemKind.UnsupportedOptimizerHyperparameter => UnsupportedOptimizerHyperparameter,
        ProblemKind.ConflictingOptimizer => ConflictingOptimizer,
        ProblemKind.InvalidOptimizerHyperparameter => InvalidOptimizerHyperparameter,
        ProblemKind.NothingTrainable => NothingTrainable,
        ProblemKind.FrozenBatchNormalization => FrozenBatchNormalization,
        ProblemKind.ProbabilityLossOnScores => ProbabilityLossOnScores,
        ProblemKind.ImplausibleDropoutRate => ImplausibleDropoutRate,
        ProblemKind.LearningRateAboveUsualRange => LearningRateAboveUsualRange,
        ProblemKind.ActivationAppliedTwice => ActivationAppliedTwice,
        ProblemKind.LayerAfterOutputActivation => LayerAfterOutputActivation,
        ProblemKind.StackedLinearDense => StackedLinearDense,
        ProblemKind.PyTorchBatchNormalizationMomentum => PyTorchBatchNormalizationMomentum,
        ProblemKind.LearningRateOverridden => LearningRateOverridden,
        ProblemKind.ValidationOnTestData => ValidationOnTestData,
        ProblemKind.ModelSelectedOnTestData => ModelSelectedOnTestData,
        ProblemKind.TransformFittedOnTestData => TransformFittedOnTestData,
        ProblemKind.TransformFittedBeforeSplit => TransformFittedBeforeSplit,
        ProblemKind.EvaluatedOnTrainingData => EvaluatedOnTrainingData,
        ProblemKind.OptimizerLearningRateAboveUsualRange => OptimizerLearningRateAboveUsualRange,
        ProblemKind.ShufflingTurnedOff => ShufflingTurnedOff,
        ProblemKind.AugmentedDataMeasured => AugmentedDataMeasured,
        ProblemKind.TimeSeriesSplitShuffled => TimeSeriesSplitShuffled,
        ProblemKind.TrainedOnTestData => TrainedOnTestData,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No diagnostic describes this problem kind."),
    };

    /// <summary>
    /// A descriptor whose ID names its <see cref="ProblemKind"/> (NG0005 is kind 5). An error that
    /// can leave no module to generate is not configurable, so no suppression hides it.
    /// </summary>
    private static DiagnosticDescriptor Create(string id, string title, string messageFormat, string category, DiagnosticSeverity severity) =>
        new(
            id,
            title,
            messageFormat,
            category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: string.Format(System.Globalization.CultureInfo.InvariantCulture, HelpLinkFormat, id),
            customTags: ProblemEffects.CanBlockGeneration((ProblemKind)int.Parse(id.Substring(2), System.Globalization.CultureInfo.InvariantCulture))
                ? new[] { WellKnownDiagnosticTags.NotConfigurable }
                : Array.Empty<string>());
}
