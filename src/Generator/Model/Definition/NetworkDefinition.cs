namespace NetGen.Model;

/// <summary>
/// A network as declared: what the parser read from the class and its attributes, before any
/// analysis. Plain data (no Roslyn types), so analysis can be tested without a compilation.
/// </summary>
/// <param name="Name">The class name.</param>
/// <param name="Declaration">How the class is declared, for the checks a generated class needs.</param>
/// <param name="Inputs">The <c>[Input]</c> attributes, in declaration order.</param>
/// <param name="Layers">The layer members, in declaration order.</param>
/// <param name="Network">The arguments of <c>[Network]</c>.</param>
/// <param name="Optimizer">The arguments of <c>[Optimizer]</c>, when present.</param>
/// <param name="OtherMembers">Names of the class's members that are not layers (a generated name must not take one).</param>
/// <param name="StrayOutputs">Members marked <c>[Output]</c> that have no layer attribute.</param>
internal sealed record NetworkDefinition(
    string Name,
    DeclarationForm Declaration,
    EquatableArray<InputDefinition> Inputs,
    EquatableArray<LayerDefinition> Layers,
    AttributeArguments Network,
    AttributeArguments? Optimizer,
    EquatableArray<string> OtherMembers,
    EquatableArray<string> StrayOutputs);

/// <summary>How the network class is declared; anything but a plain, non-generic class cannot be generated.</summary>
/// <param name="Kind">"class", "record", "struct", "record struct" or "interface".</param>
/// <param name="IsGeneric">Whether it has type parameters.</param>
/// <param name="IsStatic">Whether it is static.</param>
/// <param name="IsFileLocal">Whether it is a <c>file</c> type.</param>
/// <param name="BaseType">The base class it declares itself, when any.</param>
/// <param name="HasVarName">Whether it, or a type containing it, is named <c>var</c>, or a type named <c>var</c> is in its scope (generated code declares locals with <c>var</c>).</param>
/// <param name="ShadowedNamespace">
/// <c>System</c>, <c>TorchSharp</c> or <c>NetGen</c> when the class (or its outermost containing type)
/// is a type of that name in the global namespace: <c>global::System...</c> would then mean the type.
/// </param>
/// <param name="HasGeneratedCodeAttribute">Whether the user already marked the class <c>[GeneratedCode]</c> (it may be applied once).</param>
internal sealed record DeclarationForm(
    string Kind = "class",
    bool IsGeneric = false,
    bool IsStatic = false,
    bool IsFileLocal = false,
    string? BaseType = null,
    bool HasVarName = false,
    string? ShadowedNamespace = null,
    bool HasGeneratedCodeAttribute = false);

/// <summary>One <c>[Input]</c> attribute.</summary>
/// <param name="Arguments">Its arguments: <c>shape</c>, <c>Name</c>, <c>ElementType</c>.</param>
internal sealed record InputDefinition(AttributeArguments Arguments);

/// <summary>One layer member as declared.</summary>
/// <param name="Name">Member name, which is the module name.</param>
/// <param name="Kind">Layer kind, from the attribute.</param>
/// <param name="Arguments">The layer attribute's arguments.</param>
/// <param name="Member">How the member is declared.</param>
/// <param name="Output">The arguments of its <c>[Output]</c> attribute, when it has one.</param>
/// <param name="SubNetwork">
/// For a <c>[SubNetwork]</c> member, the network class it is declared as, analysed on its own;
/// null for other kinds, and when the member's type is not a <c>[Network]</c> class.
/// </param>
/// <param name="CustomModule">
/// For a <c>[CustomLayer]</c> member, what the parser found about its module type and how to build it;
/// null for other kinds, and when the member's type cannot be read (the compiler reports it).
/// </param>
internal sealed record LayerDefinition(
    string Name,
    LayerKind Kind,
    AttributeArguments Arguments,
    MemberDeclaration Member,
    AttributeArguments? Output = null,
    SubNetworkDefinition? SubNetwork = null,
    CustomModuleDefinition? CustomModule = null);

/// <summary>
/// The user's module type a <c>[CustomLayer]</c> member is declared as, and the ways the generated
/// constructor can build it. Plain data, like every definition.
/// </summary>
/// <param name="TypeName">The type, fully qualified with <c>global::</c>.</param>
/// <param name="Name">The type's name, for messages and summaries.</param>
/// <param name="IsTensorModule">Whether it derives from TorchSharp's <c>nn.Module&lt;Tensor, Tensor&gt;</c>.</param>
/// <param name="HasPublicParameterlessConstructor">Whether it is a non-abstract class with a public constructor that takes no arguments.</param>
/// <param name="ShapeFunction">
/// <see cref="ShapeFunctionForm.Usable"/> when it declares <c>public static long[] ComputeOutputShape(long[] inputShape)</c>,
/// <see cref="ShapeFunctionForm.Unusable"/> when it declares a <c>ComputeOutputShape</c> of another form, else <see cref="ShapeFunctionForm.None"/>.
/// </param>
/// <param name="Factory">The method <c>Factory</c> names, when the attribute names one.</param>
internal sealed record CustomModuleDefinition(
    string TypeName,
    string Name,
    bool IsTensorModule,
    bool HasPublicParameterlessConstructor,
    ShapeFunctionForm ShapeFunction,
    FactoryDefinition? Factory);

/// <summary>Whether a custom module type has a shape function the generated description can call.</summary>
internal enum ShapeFunctionForm
{
    None,
    Usable,
    Unusable,
}

/// <summary>The static method of the network class that a <c>[CustomLayer]</c>'s <c>Factory</c> names.</summary>
/// <param name="Name">The name as written.</param>
/// <param name="Identifier">The name as generated code calls it, escaped when it is a keyword.</param>
/// <param name="Problem">Why no method of that name can build the module (NG0029), or null when one can.</param>
/// <param name="TakesInputShape">Whether the method that can takes the input shape (<c>long[] inputShape</c>).</param>
internal sealed record FactoryDefinition(string Name, string Identifier, string? Problem, bool TakesInputShape);

/// <summary>
/// The <c>[Network]</c> class a <c>[SubNetwork]</c> member is declared as: what its own analysis
/// says about its inputs, outputs and parameters, so the network using it is checked against it
/// without reading it again. Plain data, like every definition.
/// </summary>
/// <param name="TypeName">The class, fully qualified with <c>global::</c>.</param>
/// <param name="Name">The class's name, for messages and summaries.</param>
/// <param name="Cycle">
/// How the class contains the network being analysed, <c>Autoencoder -> Encoder -> Autoencoder</c>,
/// when it does (NG0025); its shapes are then not read.
/// </param>
/// <param name="IsValid">Whether its own declaration has no error; when it has, the errors are reported there and the layer stays silent.</param>
/// <param name="Inputs">Its inputs, in order.</param>
/// <param name="Outputs">Its outputs, in order, named after their layers.</param>
/// <param name="ParameterCount">All its parameters.</param>
/// <param name="TrainableParameterCount">Its trainable parameters.</param>
/// <param name="IsAbstract">Whether the class is abstract, so the network using it cannot create it (NG0032).</param>
internal sealed record SubNetworkDefinition(
    string TypeName,
    string Name,
    string? Cycle,
    bool IsValid,
    EquatableArray<SubNetworkPort> Inputs,
    EquatableArray<SubNetworkPort> Outputs,
    long ParameterCount,
    long TrainableParameterCount,
    bool IsAbstract = false);

/// <summary>One input or output of a sub-network.</summary>
/// <param name="Name">The input's name, or the output's layer name.</param>
/// <param name="Type">Its type; null when known only at run time.</param>
/// <param name="Identifier">An output's property in the sub-network's <c>Outputs</c>, escaped when it is a keyword.</param>
/// <param name="Activation">
/// The sigmoid or softmax an output ends in that the sub-network's <c>RunLogits</c> leaves out (its
/// <c>OutputDescription.Activation</c>), so a network using it trains from the logits; linear otherwise, and for inputs.
/// </param>
internal sealed record SubNetworkPort(string Name, TensorType? Type, string Identifier, ActivationKind Activation = ActivationKind.Linear);

/// <summary>How a layer member is declared.</summary>
/// <param name="DeclaredType">The member's type, fully qualified with <c>global::</c>, or null when it cannot be read.</param>
/// <param name="Modifiers">Its modifiers as written, <c>partial</c> excluded (the implementation repeats them).</param>
/// <param name="IsPartialProperty">Whether it is a partial, get-only, by-value instance property the generator can implement.</param>
/// <param name="File">Index of the file declaring it among the class's files (0 for a class in one file).</param>
/// <param name="Method">The method's signature when the member is a method (a <c>[Lambda]</c>), else null.</param>
/// <param name="UnresolvedType">The type as written when it does not resolve (a missing using, a misspelling), else null.</param>
internal sealed record MemberDeclaration(
    string? DeclaredType,
    string Modifiers = "public",
    bool IsPartialProperty = true,
    int File = 0,
    MethodDeclaration? Method = null,
    string? UnresolvedType = null);

/// <summary>A method member's signature, as the checks of a <c>[Lambda]</c> need it.</summary>
/// <param name="ParameterNames">Its parameters' names, in order.</param>
/// <param name="ParameterTypes">Its parameters' types, fully qualified with <c>global::</c> (null when one cannot be read).</param>
/// <param name="IsGeneric">Whether it has type parameters.</param>
/// <param name="HasSpecialParameters">Whether a parameter is <c>ref</c>, <c>out</c>, <c>in</c>, <c>params</c> or optional.</param>
/// <param name="ParameterShapes">
/// The arguments of each parameter's <c>[Shape]</c>, in parameter order, null for a parameter without one;
/// empty when no parameter has one.
/// </param>
internal sealed record MethodDeclaration(
    EquatableArray<string> ParameterNames,
    EquatableArray<string?> ParameterTypes,
    bool IsGeneric = false,
    bool HasSpecialParameters = false,
    EquatableArray<AttributeArguments?> ParameterShapes = default);
