using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// Everything NetGen knows about one layer kind that does not depend on Roslyn or TorchSharp:
/// the Keras name, the module type the member must have, how many inputs it takes, its shape
/// rule and its parameter count. One subclass per kind, one file each.
/// </summary>
internal abstract class LayerRule
{
    /// <summary>The Keras layer type shown in summaries.</summary>
    public abstract string TypeName { get; }

    /// <summary>Whether the layer reads several named inputs (Add, Concatenate).</summary>
    public virtual bool IsMerge => false;

    /// <summary>Metadata name of the TorchSharp module the member must be declared as, given its input.</summary>
    public abstract string ModuleType(LayerDefinition layer, TensorShape input);

    /// <summary>Checks the hyperparameters that do not depend on shapes.</summary>
    public virtual void Validate(LayerContext layer)
    {
    }

    /// <summary>The output shape, or null after reporting why there is none.</summary>
    public abstract TensorShape? InferShape(LayerContext layer, IReadOnlyList<TensorShape> inputs);

    /// <summary>All parameters (Keras counts batch-norm statistics too) and the trainable ones.</summary>
    public virtual ParameterCount CountParameters(LayerDefinition layer, IReadOnlyList<TensorShape> inputs) => default;
}

/// <summary>Total and trainable parameter counts of a layer.</summary>
internal readonly record struct ParameterCount(long Total, long Trainable);
