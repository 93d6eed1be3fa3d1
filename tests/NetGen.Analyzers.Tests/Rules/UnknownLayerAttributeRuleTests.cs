using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;

namespace NetGen.Analyzers.Tests.Rules;

/// <summary>NG0033: an attribute deriving from LayerAttribute that NetGen has no rule for.</summary>
public sealed class UnknownLayerAttributeRuleTests
{
    [Fact]
    public async Task NG0033_UserAttributeDerivedFromLayerAttribute_ReportedOnTheAttribute()
    {
        var diagnostics = await VerifyAsync("""
            using NetGen;
            using TorchSharp.Modules;

            public sealed class MyLayerAttribute : LayerAttribute
            {
            }

            [Network]
            [Input(8)]
            public partial class Net
            {
                [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
                [{|NG0033:MyLayer|}] public Linear? Extra { get; }
                [Dense(1)] public partial Linear Output { get; }
            }
            """);

        Assert.Equal(
            "Member 'Extra' has [MyLayerAttribute], which derives from LayerAttribute but is no layer NetGen knows; the member is left out of the network",
            MessageOf(diagnostics, "NG0033"));
    }

    [Fact]
    public Task NG0033_IndirectlyDerivedBesideAKnownLayerAttribute_Reported() => VerifyAsync("""
        using NetGen;
        using TorchSharp.Modules;

        public abstract class MarkerAttribute : SingleInputLayerAttribute
        {
        }

        public sealed class TaggedAttribute : MarkerAttribute
        {
        }

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU), {|NG0033:Tagged|}] public partial Linear Hidden { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);

    [Fact]
    public Task NG0033_OtherAttributesOnMembers_Silent() => VerifyAsync("""
        using System;
        using NetGen;
        using TorchSharp.Modules;

        [AttributeUsage(AttributeTargets.Property)]
        public sealed class NoteAttribute : Attribute
        {
        }

        [Network]
        [Input(8)]
        public partial class Net
        {
            [Dense(4, Activation.ReLU), Note] public partial Linear Hidden { get; }
            [Note] public int Count { get; }
            [Dense(1)] public partial Linear Output { get; }
        }
        """);
}
