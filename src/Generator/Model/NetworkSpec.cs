namespace NetGen.Model;

/// <summary>
/// Everything the emitter needs to write one network's source. Built by the parser, cached by
/// the generator's incremental pipeline.
/// </summary>
/// <remarks>
/// Invariant: a spec holds only strings, numbers, enums and <see cref="EquatableArray{T}"/>s of
/// them — never an ISymbol, SyntaxNode, SyntaxTree, Location or Compilation. Those would keep
/// whole compilations alive and break caching: two specs of the same declaration must compare
/// equal after any edit that does not change what is generated. Tests walk the object graph to
/// enforce this.
/// </remarks>
internal sealed record NetworkSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    string ClassName,
    bool HasUserSummary,
    bool CanGenerate,
    string InputName,
    string InputParameterName,
    TensorShape? InputShape,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<int> ExecutionOrder,
    CompileSpec Compile);

/// <summary>A type the network is nested in: <c>partial class Outer</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>One layer member, analysed.</summary>
/// <param name="Name">Member and module name.</param>
/// <param name="Kind">Layer kind.</param>
/// <param name="TypeName">Keras layer type for summaries.</param>
/// <param name="DeclaredType">The member's type as the user declared it, fully qualified.</param>
/// <param name="Accessibility">The member's accessibility, repeated on the implementation.</param>
/// <param name="IsImplementable">Whether the member is a partial property the generator implements.</param>
/// <param name="Inputs">Resolved names of the layer's inputs.</param>
/// <param name="Hyperparameters">Attribute arguments.</param>
/// <param name="InputShape">Shape of the (first) input.</param>
/// <param name="OutputShape">Shape of the output.</param>
/// <param name="ParameterCount">All parameters.</param>
/// <param name="TrainableParameterCount">Trainable parameters.</param>
internal sealed record LayerSpec(
    string Name,
    LayerKind Kind,
    string TypeName,
    string DeclaredType,
    string Accessibility,
    bool IsImplementable,
    EquatableArray<string> Inputs,
    LayerHyperparameters Hyperparameters,
    TensorShape? InputShape,
    TensorShape? OutputShape,
    long ParameterCount,
    long TrainableParameterCount);

/// <summary>The compile configuration the generated constructor installs.</summary>
internal sealed record CompileSpec(
    LossKind Loss,
    EquatableArray<MetricKind> Metrics,
    OptimizerKind Optimizer,
    EquatableArray<OptimizerSetting> Settings);
