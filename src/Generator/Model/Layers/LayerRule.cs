using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>
/// Everything NetGen knows about one layer kind, in one place (as a Keras layer class holds its
/// config, build, call and output shape): the attribute it comes from and the arguments it
/// takes, how they are read and validated, the shape rule, the parameter count, the TorchSharp
/// module the member must be declared as, how the generated constructor builds it and how
/// <c>forward</c> calls it, its activation if it has one, and its description in summaries.
/// Subclass <see cref="LayerRule{TConfig}"/>, one file per kind; docs/architecture.md lists the
/// other places a new kind touches.
/// </summary>
internal abstract class LayerRule
{
    private static readonly string[] s_noInputParameters = new string[0];
    private static readonly int[] s_noMaskedInputs = new int[0];

    /// <summary>Only the first input: what a single-input layer that reads a mask returns from <see cref="MaskedInputs"/>.</summary>
    protected static readonly int[] FirstInput = { 0 };

    /// <summary>The query and the value: what an attention layer returns from <see cref="MaskedInputs"/>.</summary>
    protected static readonly int[] BothInputs = { 0, 1 };

    /// <summary>The kind this rule defines.</summary>
    public abstract LayerKind Kind { get; }

    /// <summary>The Keras layer type shown in summaries.</summary>
    public abstract string TypeName { get; }

    /// <summary>Metadata name of the runtime attribute, e.g. <c>NetGen.DenseAttribute</c>.</summary>
    public string AttributeName => "NetGen." + Kind + "Attribute";

    /// <summary>
    /// The attribute's arguments with the defaults the runtime attribute gives them, apart from
    /// <c>From</c> and a merge layer's <c>inputs</c>, which the analysis reads for every kind.
    /// </summary>
    public abstract IReadOnlyList<ArgumentSpec> Arguments { get; }

    /// <summary>
    /// Whether the layer is a method of the network class (Keras's <c>Lambda</c>) rather than a module
    /// property: it has no field, no construction and no weights, <c>forward</c> calls the method, and its
    /// inputs are the method's parameters, bound by name.
    /// </summary>
    public virtual bool IsMethod => false;

    /// <summary>
    /// Whether the method is a loss term (Keras's <c>add_loss</c>): it counts as a root of the graph like an
    /// output, no layer reads it, it is not a row of the summary, and <c>forward</c> hands its value to the
    /// step that collects loss terms.
    /// </summary>
    public virtual bool IsLossTerm => false;

    /// <summary>
    /// Whether the layer's parameters are known only at run time (a user's module, <c>[CustomLayer]</c>):
    /// its compile-time count is 0, the design-time summary shows "?" for it, and rules that ask whether a
    /// layer has trainable parameters assume it has.
    /// </summary>
    public virtual bool CountsParametersAtRunTime => false;

    /// <summary>Whether the layer reads several named inputs (its <c>inputs</c> argument) instead of one.</summary>
    public virtual bool IsMerge => false;

    /// <summary>
    /// Whether the layer may name several inputs in an <c>inputs</c> array instead of taking one
    /// through <c>From</c> (a sub-network with several inputs). An empty array means one input, from
    /// <c>From</c> or the member declared before it.
    /// </summary>
    public virtual bool MayNameInputs => false;

    /// <summary>
    /// The constructor parameters that name a merge layer's inputs one by one, in order
    /// (Attention's <c>query</c> and <c>value</c>); empty when the names come as one
    /// <c>inputs</c> array (Add, Concatenate).
    /// </summary>
    public virtual IReadOnlyList<string> InputParameters => s_noInputParameters;

    /// <summary>
    /// The element types the layer takes; others are reported (NG0106). Floating point unless a
    /// kind says otherwise: reshaping layers and merges take any.
    /// </summary>
    public virtual bool Accepts(ElementKind elementType) => elementType is ElementKind.Float32 or ElementKind.Float64;

    /// <summary>How messages name what <see cref="Accepts"/> takes (NG0106).</summary>
    public virtual string AcceptedElementTypes => "floating-point values";

    /// <summary>Reads and validates the configuration; problems are reported through <paramref name="layer"/>.</summary>
    public abstract LayerConfig Read(LayerContext layer);

    /// <summary>The output type for known inputs, or <see cref="ShapeResult.Failed"/> after reporting why there is none.</summary>
    public abstract ShapeResult InferShape(LayerContext layer, LayerConfig config, IReadOnlyList<TensorType> inputs);

    /// <summary>
    /// The output when some input is known only at run time. By default the output is too; a kind
    /// that needs an input dimension reports it, and one that declares its output resumes checking.
    /// </summary>
    public virtual ShapeResult InferFromDynamic(LayerContext layer, LayerConfig config, IReadOnlyList<ShapeResult> inputs) =>
        ShapeResult.Dynamic(inputs.First(static input => input.Status == ShapeStatus.Dynamic).Reason!);

    /// <summary>All parameters (Keras counts batch-norm statistics too) and the trainable ones.</summary>
    public virtual ParameterCount CountParameters(LayerConfig config, IReadOnlyList<TensorType> inputs) => default;

    /// <summary>
    /// The configuration with what construction needs from inputs other than the first (Keras's
    /// <c>build</c>): construction sees only the first input's type. Called once the output is known.
    /// </summary>
    public virtual LayerConfig Build(LayerConfig config, IReadOnlyList<TensorType> inputs) => config;

    /// <summary>
    /// Metadata name of the TorchSharp module the member must be declared as, given the first
    /// input's type; null when it depends on an input that is not known.
    /// </summary>
    public abstract string? ModuleType(LayerConfig config, TensorType? input);

    /// <summary>The layer's activation, for kinds that have one (a capability: configuration rules and the emitter ask for it).</summary>
    public virtual ActivationUse? Activation(LayerConfig config) => null;

    /// <summary>
    /// Whether a padding mask passes through the layer (Keras's mask propagation): it keeps each
    /// step where it was and treats steps apart (dropout, activations, Dense and normalization per step, a
    /// recurrent layer returning sequences), so a recurrent layer after it still skips the padded steps.
    /// </summary>
    public virtual bool PassesMask(LayerConfig config) => false;

    /// <summary>
    /// The inputs, by position, whose padding mask the layer reads (Keras's <c>mask</c> argument):
    /// a recurrent layer's or a pooling's only input, an attention's query and value.
    /// <see cref="MaskLinks"/> links each one an <c>Embedding(MaskZero = true)</c> reaches.
    /// </summary>
    public virtual IReadOnlyList<int> MaskedInputs(LayerConfig config) => s_noMaskedInputs;

    /// <summary>
    /// The configuration once <see cref="MaskLinks"/> knows which of <see cref="MaskedInputs"/>
    /// carry a mask (<paramref name="masked"/>, in the same order); the masks' token ids are then
    /// the layer's first links, one per masked input, in that order.
    /// </summary>
    public virtual LayerConfig WithMasks(LayerConfig config, IReadOnlyList<bool> masked) => config;

    /// <summary>Whether the layer is the identity at inference (dropout): looking for the output's activation goes through it.</summary>
    public virtual bool IsIdentityAtInference => false;

    /// <summary>
    /// The earlier layer whose module this one uses (a sub-network called on a second input, as
    /// Siamese networks are), or null when it builds its own. A shared module is built and
    /// registered once, under the owner's name; the emitter assigns the owner's field.
    /// </summary>
    public virtual string? SharesModuleOf(LayerConfig config) => null;

    /// <summary>Writes the statements that create the module (and initialize its weights) in the generated constructor.</summary>
    public abstract void EmitConstruction(ConstructionWriter writer, LayerConfig config, TensorType input);

    /// <summary>
    /// The expression <c>forward</c> evaluates for the layer (its activation, if any, is applied by
    /// the emitter). A kind whose call produces several values returns a tuple expression.
    /// </summary>
    public virtual string EmitCall(LayerConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        module + ".call(" + inputs[0] + ")";

    /// <summary>
    /// The call of a layer that reads more than its inputs (<see cref="Analysis.LayerResult.Links"/>:
    /// the token ids whose padding a recurrent layer skips, another layer's final state) or whose
    /// final state another layer reads: <paramref name="links"/> are the linked values' expressions,
    /// <paramref name="stateLocal"/> the local that must receive this layer's final state, or null.
    /// </summary>
    public virtual string EmitLinkedCall(LayerConfig config, string module, IReadOnlyList<string> inputs, IReadOnlyList<string> links, string? stateLocal, TensorType input) =>
        EmitCall(config, module, inputs, input);

    /// <summary>
    /// The call that gives the layer's output before an activation its module applies itself
    /// (<see cref="ActivationUse.IsInsideModule"/>), for training an output from its logits.
    /// </summary>
    public virtual string EmitLogitsCall(LayerConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        EmitCall(config, module, inputs, input);

    /// <summary>Whether link <paramref name="link"/> is another layer's final state rather than its output.</summary>
    public virtual bool LinkReadsState(LayerConfig config, int link) => false;

    /// <summary>The type column of summaries: <see cref="TypeName"/>, or Keras's wrapper around it (<c>Bidirectional(LSTM)</c>).</summary>
    public virtual string DisplayType(LayerConfig? config) => TypeName;

    /// <summary>How the layer reads in summaries and generated comments: <c>Dense(12, ReLU)</c>.</summary>
    public abstract string Describe(LayerConfig config, IReadOnlyList<string> inputs);
}

/// <summary>A rule with its kind's configuration type.</summary>
internal abstract class LayerRule<TConfig> : LayerRule
    where TConfig : LayerConfig
{
    public sealed override LayerConfig Read(LayerContext layer) => ReadConfig(layer);

    public sealed override ShapeResult InferShape(LayerContext layer, LayerConfig config, IReadOnlyList<TensorType> inputs) =>
        InferShape(layer, (TConfig)config, inputs);

    public sealed override ShapeResult InferFromDynamic(LayerContext layer, LayerConfig config, IReadOnlyList<ShapeResult> inputs) =>
        InferFromDynamic(layer, (TConfig)config, inputs);

    public sealed override ParameterCount CountParameters(LayerConfig config, IReadOnlyList<TensorType> inputs) =>
        CountParameters((TConfig)config, inputs);

    public sealed override LayerConfig Build(LayerConfig config, IReadOnlyList<TensorType> inputs) => Build((TConfig)config, inputs);

    public sealed override string? ModuleType(LayerConfig config, TensorType? input) => ModuleType((TConfig)config, input);

    public sealed override ActivationUse? Activation(LayerConfig config) => Activation((TConfig)config);

    public sealed override void EmitConstruction(ConstructionWriter writer, LayerConfig config, TensorType input) =>
        EmitConstruction(writer, (TConfig)config, input);

    public sealed override string EmitCall(LayerConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        EmitCall((TConfig)config, module, inputs, input);

    public sealed override string Describe(LayerConfig config, IReadOnlyList<string> inputs) => Describe((TConfig)config, inputs);

    protected abstract TConfig ReadConfig(LayerContext layer);

    protected abstract ShapeResult InferShape(LayerContext layer, TConfig config, IReadOnlyList<TensorType> inputs);

    protected virtual ShapeResult InferFromDynamic(LayerContext layer, TConfig config, IReadOnlyList<ShapeResult> inputs) =>
        base.InferFromDynamic(layer, config, inputs);

    protected virtual ParameterCount CountParameters(TConfig config, IReadOnlyList<TensorType> inputs) => default;

    protected virtual TConfig Build(TConfig config, IReadOnlyList<TensorType> inputs) => config;

    protected abstract string? ModuleType(TConfig config, TensorType? input);

    protected virtual ActivationUse? Activation(TConfig config) => null;

    protected abstract void EmitConstruction(ConstructionWriter writer, TConfig config, TensorType input);

    protected virtual string EmitCall(TConfig config, string module, IReadOnlyList<string> inputs, TensorType input) =>
        base.EmitCall(config, module, inputs, input);

    protected abstract string Describe(TConfig config, IReadOnlyList<string> inputs);
}
