using NetGen.Model.Analysis;

namespace NetGen.Model;

/// <summary>
/// Everything the emitter needs to write one network's source. Built by the parser, cached by
/// the generator's incremental pipeline.
/// </summary>
/// <remarks>
/// Invariant: a spec holds only strings, numbers, enums, records of them and
/// <see cref="EquatableArray{T}"/>s — never an ISymbol, SyntaxNode, SyntaxTree, Location or
/// Compilation. Those would keep whole compilations alive and break caching: two specs of the
/// same declaration must compare equal after any edit that does not change what is generated.
/// Tests walk the object graph to enforce this.
/// </remarks>
/// <param name="HintName">The generated file's name.</param>
/// <param name="Namespace">The class's namespace, keywords escaped, or null for the global namespace.</param>
/// <param name="ContainingTypes">Types the class is nested in, outermost first.</param>
/// <param name="TypeName">The class as written in a declaration: escaped, with type parameters.</param>
/// <param name="ClassName">The class's escaped identifier (its constructors' name).</param>
/// <param name="QualifiedName">The class fully qualified with <c>global::</c>, for places outside its body (its base list).</param>
/// <param name="DisplayName">The class's name as text, for messages and descriptions.</param>
/// <param name="HasUserSummary">Whether the user documented the class (the generated table then goes in remarks only).</param>
/// <param name="CanGenerate">False when the declaration has errors that block the module: a placeholder is emitted.</param>
/// <param name="Declaration">How the class is declared (a placeholder must match it).</param>
/// <param name="UserMembers">Names of the user's members other than layers (a placeholder must not declare them again).</param>
/// <param name="CompileError">NG IDs that make the declared compile configuration unusable, or null.</param>
/// <param name="Inputs">The inputs, in forward's parameter order.</param>
/// <param name="Layers">The layers, in declaration order.</param>
/// <param name="ExecutionOrder">Declaration indexes in execution order (inputs before the layers reading them).</param>
/// <param name="Outputs">The outputs, in declaration order.</param>
/// <param name="Compile">The declared compile configuration, or null when the module cannot be generated.</param>
/// <param name="Names">The private names the generated class uses, chosen around the user's members.</param>
/// <param name="Failure">Set when NetGen itself failed on the declaration: the placeholder says so instead of blaming NG diagnostics.</param>
internal sealed record NetworkSpec(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeSpec> ContainingTypes,
    string TypeName,
    string ClassName,
    string QualifiedName,
    string DisplayName,
    bool HasUserSummary,
    bool CanGenerate,
    DeclarationForm Declaration,
    EquatableArray<string> UserMembers,
    string? CompileError,
    EquatableArray<InputSpec> Inputs,
    EquatableArray<LayerSpec> Layers,
    EquatableArray<int> ExecutionOrder,
    EquatableArray<OutputSpec> Outputs,
    CompileModel? Compile,
    GeneratedNames Names,
    string? Failure = null);

/// <summary>A type the network is nested in: <c>partial class Outer</c>.</summary>
internal sealed record ContainingTypeSpec(string Keyword, string Name);

/// <summary>One input of the network.</summary>
/// <param name="Name">Its name (the key of its data).</param>
/// <param name="ParameterName">forward's parameter for it, a valid (escaped) identifier.</param>
/// <param name="Type">Its type, or null when its declaration has errors.</param>
internal sealed record InputSpec(string Name, string ParameterName, TensorType? Type);

/// <summary>One output of the network.</summary>
/// <param name="Layer">Declaration index of the output layer.</param>
/// <param name="Name">The layer's name.</param>
/// <param name="Activation">The activation the layer applies last, when sigmoid or softmax (then <c>ForwardLogits</c> leaves it out); else linear.</param>
internal sealed record OutputSpec(int Layer, string Name, ActivationKind Activation);

/// <summary>
/// Private names of the generated class, each chosen so that it is none of the user's members:
/// <c>s_description</c> unless the user has one, and so on.
/// </summary>
internal sealed record GeneratedNames(
    string Description,
    string CreateCompileOptions,
    string Forward,
    string DeclarationErrors,
    string ThrowDeclarationErrors);
