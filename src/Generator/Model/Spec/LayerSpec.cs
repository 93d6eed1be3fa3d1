using NetGen.Model.Layers;

namespace NetGen.Model;

/// <summary>One layer member, analysed.</summary>
/// <param name="Name">Member and module name, as text.</param>
/// <param name="Identifier">The member's identifier in C#, escaped when it is a keyword.</param>
/// <param name="Kind">Layer kind.</param>
/// <param name="TypeName">Keras layer type for summaries.</param>
/// <param name="DeclaredType">The member's type as the user declared it, fully qualified.</param>
/// <param name="Modifiers">The member's modifiers as written, repeated on the implementation.</param>
/// <param name="IsImplementable">Whether the member is a partial property the generator implements.</param>
/// <param name="Inputs">Resolved names of the layer's inputs.</param>
/// <param name="Config">Its configuration, or null when it could not be read.</param>
/// <param name="InputType">Type of its (first) input, when known.</param>
/// <param name="OutputType">Type of its output, when known at compile time.</param>
/// <param name="ParameterCount">All parameters.</param>
/// <param name="TrainableParameterCount">Trainable parameters.</param>
/// <param name="IsUsed">Whether an output depends on it; unused layers are built (their weights load) but not run.</param>
/// <param name="Field">The private field holding its module.</param>
/// <param name="Local">The local holding its output in <c>forward</c>.</param>
/// <param name="Trainable">False when declared <c>Trainable = false</c>: the constructor freezes it.</param>
/// <param name="Group">The group declared with <c>Group = "..."</c>, or null.</param>
/// <param name="Links">Values it reads besides its inputs (a mask's token ids, another layer's final state), by name.</param>
/// <param name="StateLocal">The local holding its final state in <c>forward</c> when another layer starts from it, else null.</param>
internal sealed record LayerSpec(
    string Name,
    string Identifier,
    LayerKind Kind,
    string TypeName,
    string DeclaredType,
    string Modifiers,
    bool IsImplementable,
    EquatableArray<string> Inputs,
    LayerConfig? Config,
    TensorType? InputType,
    TensorType? OutputType,
    long ParameterCount,
    long TrainableParameterCount,
    bool IsUsed,
    string Field,
    string Local,
    bool Trainable = true,
    string? Group = null,
    EquatableArray<string> Links = default,
    string? StateLocal = null);
