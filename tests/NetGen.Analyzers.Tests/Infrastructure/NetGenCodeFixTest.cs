using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator;

namespace NetGen.Analyzers.Tests.Infrastructure;

/// <summary>
/// Roslyn's code-fix harness set up as a NetGen user's project: the .NET 10 reference assemblies,
/// the NetGen runtime and TorchSharp (the same references as <see cref="AnalyzerTestHelper"/>, so
/// nothing is downloaded), C# preview, and the NetGen generator (partial properties get their
/// implementation). It checks the diagnostics before, the exact text after the fix, the
/// diagnostics left after it, and fix-all in document, project and solution.
/// </summary>
internal sealed class NetGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<NetworkAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public NetGenCodeFixTest()
    {
        // A framework with no package to resolve: the references come from AdditionalReferences.
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(AnalyzerTestHelper.NetGenReferences);
        FixedState.AdditionalReferences.AddRange(AnalyzerTestHelper.NetGenReferences);

        // What the generator writes is covered by the generator's snapshots.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
    }

    protected override ParseOptions CreateParseOptions() => AnalyzerTestHelper.ParseOptions;

    protected override IEnumerable<Type> GetSourceGenerators() => [typeof(NetworkGenerator)];
}
