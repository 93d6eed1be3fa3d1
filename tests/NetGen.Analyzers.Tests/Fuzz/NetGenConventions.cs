using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Analyzers.Tests.Fuzz;

/// <summary>
/// Everything the fuzzer knows about NetGen itself, in one place so a rewrite of the generator
/// updates this file and nothing else. The mutations and the invariant know no attribute,
/// layer or generated member name; they only need:
/// <list type="bullet">
/// <item>which assemblies hold the generators and analyzers (found by reflection, whatever they are called inside);</item>
/// <item>which attribute marks a type whose partial members the generator must implement;</item>
/// <item>how to recognise a placeholder (generated members that throw because the declaration has errors).</item>
/// </list>
/// </summary>
internal static class NetGenConventions
{
    /// <summary>Every <c>[Generator]</c> in this assembly is run on each mutant.</summary>
    public const string GeneratorAssemblyName = "NetGen.Generator";

    /// <summary>Every <c>[DiagnosticAnalyzer]</c> in this assembly is run on each mutant.</summary>
    public const string AnalyzerAssemblyName = "NetGen.Analyzers";

    /// <summary>
    /// The attribute that makes a type a network. A partial member of such a type that carries
    /// any attribute from the same (runtime) assembly is the generator's to implement: if it is
    /// left unimplemented (CS9248) with no NG error, the generator skipped it silently.
    /// </summary>
    public const string NetworkMarkerAttribute = "NetGen.NetworkAttribute";

    /// <summary>
    /// Text that only a placeholder contains: today the message of the exception its members
    /// throw (NetworkEmitter.EmitPlaceholder). A placeholder is legitimate only next to an NG
    /// error; without one the build is clean and the first use throws, blaming diagnostics that do
    /// not exist. Update this when the emitter's placeholder changes; if placeholders go away,
    /// the check simply never fires.
    /// </summary>
    public const string PlaceholderMarker = "NetGen could not generate";

    /// <summary>"Partial property must have an implementation part" and its partial-method twin: what the user sees when the generator emits nothing for a member.</summary>
    public static readonly ImmutableHashSet<string> UnimplementedPartialMemberIds = ImmutableHashSet.Create("CS9248", "CS8795");

    /// <summary>"Generator failed to generate source": the driver caught an exception.</summary>
    public const string GeneratorFailedId = "CS8785";

    /// <summary>"Analyzer threw an exception".</summary>
    public const string AnalyzerFailedId = "AD0001";

    private static readonly Lazy<ImmutableArray<Type>> s_generatorTypes = new(static () =>
        TypesWith<GeneratorAttribute>(GeneratorAssemblyName, static t => typeof(IIncrementalGenerator).IsAssignableFrom(t) || typeof(ISourceGenerator).IsAssignableFrom(t)));

    private static readonly Lazy<ImmutableArray<Type>> s_analyzerTypes = new(static () =>
        TypesWith<DiagnosticAnalyzerAttribute>(AnalyzerAssemblyName, static t => typeof(DiagnosticAnalyzer).IsAssignableFrom(t)));

    /// <summary>Fresh generator instances, as a build would load them.</summary>
    public static ImmutableArray<ISourceGenerator> CreateGenerators() => s_generatorTypes.Value
        .Select(static t => Activator.CreateInstance(t) switch
        {
            IIncrementalGenerator incremental => incremental.AsSourceGenerator(),
            ISourceGenerator source => source,
            var other => throw new InvalidOperationException($"{other?.GetType()} is not a generator."),
        })
        .ToImmutableArray();

    /// <summary>Fresh analyzer instances.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> CreateAnalyzers() =>
        s_analyzerTypes.Value.Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();

    /// <summary>True when the generator owes <paramref name="member"/> an implementation (see <see cref="NetworkMarkerAttribute"/>).</summary>
    public static bool IsGeneratorOwed(ISymbol member, Compilation compilation)
    {
        if (compilation.GetTypeByMetadataName(NetworkMarkerAttribute) is not { } marker || member.ContainingType is not { } type)
        {
            return false;
        }

        return type.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, marker))
            && member.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass?.ContainingAssembly, marker.ContainingAssembly));
    }

    public static bool IsPlaceholder(string generatedText) => generatedText.Contains(PlaceholderMarker, StringComparison.Ordinal);

    private static ImmutableArray<Type> TypesWith<TAttribute>(string assemblyName, Func<Type, bool> isComponent)
        where TAttribute : Attribute
    {
        var types = Assembly.Load(assemblyName).GetTypes()
            .Where(t => !t.IsAbstract && t.GetCustomAttribute<TAttribute>() is not null && isComponent(t))
            .OrderBy(static t => t.FullName, StringComparer.Ordinal)
            .ToImmutableArray();
        return types.IsEmpty
            ? throw new InvalidOperationException($"No [{typeof(TAttribute).Name}] type in {assemblyName}: the fuzzer would test nothing.")
            : types;
    }
}
