using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using NetGen.Model;
using NetGen.Model.Analysis;
using NetGen.Model.Layers;

namespace NetGen.Generator.Tests;

/// <summary>
/// The generator cannot reference the runtime, so it mirrors the runtime's enums and reads
/// attribute arguments by name. These tests keep the mirrors equal to the runtime: a renamed
/// parameter, a changed default or a new enum value fails here instead of being silently ignored.
/// </summary>
public sealed class RuntimeMirrorTests
{
    private static readonly Assembly s_runtime = typeof(NetGen.INetwork).Assembly;

    public static TheoryData<Type, Type> MirroredEnums() => new()
    {
        { typeof(NetGen.Activation), typeof(ActivationKind) },
        { typeof(NetGen.Loss), typeof(LossKind) },
        { typeof(NetGen.Metric), typeof(MetricKind) },
        { typeof(NetGen.OptimizerKind), typeof(NetGen.Model.OptimizerKind) },
        { typeof(NetGen.Initializer), typeof(InitializerKind) },
        { typeof(NetGen.ElementType), typeof(ElementKind) },
        { typeof(NetGen.Padding), typeof(PaddingKind) },
        { typeof(NetGen.Interpolation), typeof(InterpolationKind) },
        { typeof(NetGen.BackboneArchitecture), typeof(BackboneArchitectureKind) },
        { typeof(NetGen.MergeMode), typeof(MergeModeKind) },
        { typeof(NetGen.ScoreMode), typeof(ScoreModeKind) },
    };

    [Theory]
    [MemberData(nameof(MirroredEnums))]
    public void EnumsHaveTheSameNamesAndValues(Type runtime, Type mirror) =>
        Assert.Equal(Members(runtime), Members(mirror));

    // Kinds by name: LayerKind is internal, and theory parameters must be public.
    public static TheoryData<string> Kinds()
    {
        var data = new TheoryData<string>();
        foreach (var kind in Enum.GetValues<LayerKind>())
        {
            data.Add(kind.ToString());
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void EveryLayerKindHasARuleAndARuntimeAttribute(string name)
    {
        var kind = Enum.Parse<LayerKind>(name);
        var rule = LayerRules.For(kind);
        var attribute = s_runtime.GetType(rule.AttributeName);

        Assert.Equal(kind, rule.Kind);
        Assert.NotNull(attribute);
        Assert.True(typeof(NetGen.LayerAttribute).IsAssignableFrom(attribute));
        Assert.Equal(rule.IsMerge, typeof(NetGen.MergeLayerAttribute).IsAssignableFrom(attribute));
        Assert.Same(rule, LayerRules.All[(int)kind]);
    }

    [Fact]
    public void AnUnknownKindHasNoRule() =>
        Assert.Throws<ArgumentOutOfRangeException>(static () => LayerRules.For((LayerKind)999));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void LayerArgumentsMatchTheRuntimeAttribute(string name)
    {
        var rule = LayerRules.For(Enum.Parse<LayerKind>(name));
        // A merge layer's inputs come as one "inputs" array or as parameters named one by one (query, value).
        // A layer written as a method takes its inputs from the method's parameters: no structural argument.
        // A layer that may name several inputs (a sub-network with several) has both.
        string[] structural = rule.IsMethod ? [] : rule.InputParameters.Count > 0 ? [.. rule.InputParameters]
            : rule.IsMerge ? ["inputs"] : rule.MayNameInputs ? ["inputs", "From"] : ["From"];

        // Trainable and Group are LayerAttribute's, read for every kind by TrainabilityRules.
        AssertMirrors(s_runtime.GetType(rule.AttributeName)!, rule.Arguments, [.. structural, .. TrainabilityRules.Arguments.Select(static a => a.Name)]);
    }

    [Fact]
    public void TrainabilityArgumentsMatchTheLayerAttribute()
    {
        var properties = typeof(NetGen.LayerAttribute).GetProperties(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(static p => p.CanWrite)
            .Select(static p => p.Name)
            .OrderBy(static n => n, StringComparer.Ordinal);
        var sample = new NetGen.DropoutAttribute(0.5);

        Assert.Equal(TrainabilityRules.Arguments.Select(static a => a.Name).OrderBy(static n => n, StringComparer.Ordinal), properties);
        foreach (var spec in TrainabilityRules.Arguments)
        {
            Assert.True(SameDefault(spec.Default, typeof(NetGen.LayerAttribute).GetProperty(spec.Name)!.GetValue(sample)), spec.Name);
        }
    }

    [Fact]
    public void InputArgumentsMatchTheRuntimeAttribute() => AssertMirrors(typeof(NetGen.InputAttribute), InputAnalysis.Arguments);

    [Fact]
    public void NetworkArgumentsMatchTheRuntimeAttribute() => AssertMirrors(typeof(NetGen.NetworkAttribute), CompileAnalysis.NetworkArguments);

    [Fact]
    public void OptimizerArgumentsMatchTheRuntimeAttribute() => AssertMirrors(typeof(NetGen.OptimizerAttribute), CompileAnalysis.OptimizerArguments);

    [Fact]
    public void OutputArgumentsMatchTheRuntimeAttribute() => AssertMirrors(typeof(NetGen.OutputAttribute), CompileAnalysis.OutputArguments);

    [Fact]
    public void TheConcatenateDefaultIsTheRuntimeFeatureAxis() =>
        Assert.Equal(NetGen.ConcatenateAttribute.FeatureAxis, ConcatenateLayer.FeatureAxis);

    [Fact]
    public void EveryOptimizerHyperparameterTheEmitterWritesCompiles()
    {
        // The emitter writes "new global::NetGen.Optimizers.Sgd(momentum: 0.5, ...)" by name.
        var names = new[] { "LearningRate", "WeightDecay", "Momentum", "Nesterov", "Beta1", "Beta2", "Rho", "Epsilon" };
        var lines = Enum.GetValues<NetGen.Model.OptimizerKind>().Select(kind =>
        {
            var arguments = names.Where(name => OptimizerHyperparameters.Supports(kind, name))
                .Select(static name => OptimizerHyperparameters.ParameterName(name) + ": " + (name == "Nesterov" ? "true" : "0.5"));
            return $"        _ = new global::NetGen.Optimizers.{OptimizerHyperparameters.ClassName(kind)}({string.Join(", ", arguments)});";
        });
        var source = "static class Uses\n{\n    static void All()\n    {\n" + string.Join("\n", lines) + "\n    }\n}\n";

        var errors = GeneratorTestHelper.CreateCompilation(source).GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();

        Assert.True(errors.Count == 0, string.Join("\n", errors) + "\n" + source);
    }

    /// <summary>
    /// The attribute's constructor parameters and settable properties (less the structural ones
    /// every layer has) are exactly the table's names, with the same defaults. An attribute with
    /// several constructors (a square size as one number or as (height, width)) spells each
    /// parameter the same way in all of them, with the same default.
    /// </summary>
    private static void AssertMirrors(Type attribute, IReadOnlyList<ArgumentSpec> table, params string[] structural)
    {
        var constructors = attribute.GetConstructors().OrderBy(static c => c.GetParameters().Count(static p => p.ParameterType.IsArray)).ToList();
        var parameters = constructors.SelectMany(static c => c.GetParameters()).GroupBy(static p => p.Name!).ToList();
        var properties = attribute.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(static p => p.CanWrite && p.SetMethod!.IsPublic && p.DeclaringType != typeof(Attribute))
            .ToList();
        var runtimeNames = parameters.Select(static p => p.Key).Concat(properties.Select(static p => p.Name)).Where(name => !structural.Contains(name)).OrderBy(static n => n, StringComparer.Ordinal);

        Assert.Equal(runtimeNames, table.Select(static s => s.Name).OrderBy(static n => n, StringComparer.Ordinal));
        Assert.All(constructors, constructor => Assert.Equal(
            constructors[0].GetParameters().Select(static p => p.Name),
            constructor.GetParameters().Select(static p => p.Name)));

        var instance = constructors[0].Invoke(constructors[0].GetParameters().Select(Sample).ToArray());
        foreach (var spec in table)
        {
            var overloads = parameters.FirstOrDefault(p => p.Key == spec.Name)?.ToList();
            if (overloads is null)
            {
                var runtimeDefault = attribute.GetProperty(spec.Name)!.GetValue(instance);
                Assert.True(SameDefault(spec.Default, runtimeDefault), $"{attribute.Name}.{spec.Name}: the generator assumes {spec.Default ?? "no default"}, the runtime has {runtimeDefault ?? "no default"}.");
                continue;
            }

            // Where one overload takes an array, the array has no default: the number form's default is the table's.
            var scalar = overloads.FirstOrDefault(static p => !p.ParameterType.IsArray) ?? overloads[0];
            object? parameterDefault = scalar.HasDefaultValue ? scalar.DefaultValue : null;
            Assert.True(SameDefault(spec.Default, parameterDefault), $"{attribute.Name}.{spec.Name}: the generator assumes {spec.Default ?? "no default"}, the runtime has {parameterDefault ?? "no default"}.");
        }
    }

    private static bool SameDefault(object? mirror, object? runtime) => (mirror, runtime) switch
    {
        (null, null) => true,
        (null, Array { Length: 0 }) => true,
        (Enum left, Enum right) => Convert.ToInt32(left) == Convert.ToInt32(right),
        (double left, double right) => left.Equals(right),
        _ => Equals(mirror, runtime),
    };

    private static object? Sample(ParameterInfo parameter) =>
        parameter.HasDefaultValue ? parameter.DefaultValue
        : parameter.ParameterType == typeof(int) ? 1
        : parameter.ParameterType == typeof(double) ? 0.5
        : parameter.ParameterType.IsEnum ? Enum.GetValues(parameter.ParameterType).GetValue(0)
        : parameter.ParameterType.IsArray ? Array.CreateInstance(parameter.ParameterType.GetElementType()!, 0)
        : null;

    private static IEnumerable<(string, int)> Members(Type type) =>
        Enum.GetNames(type).Select(name => (name, Convert.ToInt32(Enum.Parse(type, name)))).OrderBy(static pair => pair.Item2);
}
