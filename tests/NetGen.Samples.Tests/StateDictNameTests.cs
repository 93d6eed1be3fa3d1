using System;
using System.Linq;
using System.Reflection;
using TorchSharp;
using Xunit;

namespace NetGen.Samples.Tests;

/// <summary>
/// Every generated network of the samples and of these tests saves each tensor once, under its
/// member's name: a module holding other modules in fields must not have TorchSharp register them
/// a second time under the field names (<c>Memory._rnn.weight_ih_l0</c> next to <c>Memory.rnn.weight_ih_l0</c>).
/// </summary>
public sealed class StateDictNameTests
{
    public static TheoryData<Type> Networks()
    {
        // This assembly and the samples it references (each sample is its own assembly).
        var self = typeof(StateDictNameTests).Assembly;
        var assemblies = self.GetReferencedAssemblies()
            .Where(static name => !IsFramework(name.Name))
            .Select(Assembly.Load)
            .Prepend(self);
        var data = new TheoryData<Type>();
        foreach (var type in assemblies.SelectMany(static a => a.GetTypes())
                     .Where(static t => !t.IsAbstract && typeof(INetwork).IsAssignableFrom(t) && t.GetCustomAttribute<NetworkAttribute>() is not null && t.GetConstructor(Type.EmptyTypes) is not null)
                     .OrderBy(static t => t.FullName, StringComparer.Ordinal))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void EveryTensorIsSavedOnceUnderItsMembersName(Type networkType)
    {
        using var network = (torch.nn.Module)Activator.CreateInstance(networkType)!;
        var keys = network.state_dict().Keys.ToList();

        Assert.NotEmpty(keys);
        Assert.DoesNotContain(keys, static key => key.StartsWith('_') || key.Contains("._", StringComparison.Ordinal));
        Assert.Equal(network.parameters().Count(), network.state_dict().Keys.Count(key => network.named_parameters().Any(p => p.name == key)));
    }

    private static bool IsFramework(string? name) =>
        name is null || name.StartsWith("System", StringComparison.Ordinal) || name.StartsWith("Microsoft", StringComparison.Ordinal) ||
        name.StartsWith("TorchSharp", StringComparison.Ordinal) || name.StartsWith("xunit", StringComparison.Ordinal) ||
        name.StartsWith("ScottPlot", StringComparison.Ordinal) || name.StartsWith("SkiaSharp", StringComparison.Ordinal) ||
        name is "netstandard" or "mscorlib" or "NetGen.Runtime";
}
