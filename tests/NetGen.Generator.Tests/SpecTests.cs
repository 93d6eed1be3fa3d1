using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Model;
using NetGen.Parsing;

namespace NetGen.Generator.Tests;

/// <summary>Specs are values: equal for equal declarations and free of Roslyn objects.</summary>
public sealed class SpecTests
{
    private const string Source = """
        using NetGen;
        using TorchSharp.Modules;

        [Network(Loss = Loss.CategoricalCrossentropy, Metrics = [Metric.Accuracy])]
        [Optimizer(OptimizerKind.RmsProp, Rho = 0.8)]
        [Input(10)]
        public partial class Classifier
        {
            [Dense(8, Activation.ReLU)] public partial Linear A { get; }
            [Dense(8, Activation.ReLU, From = "input")] public partial Linear B { get; }
            [Reshape(2, 4)] public partial NetGen.Layers.Reshape Pair { get; }
            [Permute(2, 1)] public partial NetGen.Layers.Permute Swapped { get; }
            [Flatten] public partial Flatten Flat { get; }
            [Concatenate(nameof(A), nameof(Flat))] public partial NetGen.Layers.Concatenate Joined { get; }
            [Dense(3, Activation.Softmax)] public partial Linear Output { get; }
        }
        """;

    [Fact]
    public void SeparateCompilationsGiveEqualSpecs()
    {
        var first = Parse(GeneratorTestHelper.CreateCompilation(Source));
        var second = Parse(GeneratorTestHelper.CreateCompilation("// another file header\n" + Source));

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
    }

    [Fact]
    public void DifferentHyperparametersGiveDifferentSpecs()
    {
        var first = Parse(GeneratorTestHelper.CreateCompilation(Source));
        var second = Parse(GeneratorTestHelper.CreateCompilation(Source.Replace("Rho = 0.8", "Rho = 0.7")));

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void SpecHoldsNoRoslynObjects()
    {
        var spec = Parse(GeneratorTestHelper.CreateCompilation(Source));

        var leaks = new List<string>();
        Walk(spec, "spec", new HashSet<object>(ReferenceEqualityComparer.Instance), leaks);

        Assert.Empty(leaks);
    }

    [Fact]
    public void WalkerCatchesALeak()
    {
        // Guards the walk itself: an object holding a symbol must be reported.
        var compilation = GeneratorTestHelper.CreateCompilation(Source);
        var holder = new { Symbol = (object)compilation.GetTypeByMetadataName("Classifier")! };

        var leaks = new List<string>();
        Walk(holder, "holder", new HashSet<object>(ReferenceEqualityComparer.Instance), leaks);

        Assert.Single(leaks);
    }

    private static NetworkSpec Parse(Compilation compilation)
    {
        var type = compilation.GetTypeByMetadataName("Classifier")!;
        return NetworkParser.Parse(type, KnownTypes.Create(compilation)!, locate: null, CancellationToken.None).Spec!;
    }

    private static void Walk(object? value, string path, HashSet<object> seen, List<string> leaks)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is decimal)
        {
            return;
        }

        if (value is ISymbol or Compilation or SyntaxNode or SyntaxTree or Location or SemanticModel)
        {
            leaks.Add($"{path}: {value.GetType().Name}");
            return;
        }

        if (!value.GetType().IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable sequence)
        {
            var index = 0;
            foreach (var item in sequence)
            {
                Walk(item, $"{path}[{index++}]", seen, leaks);
            }

            return;
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", seen, leaks);
        }
    }
}
