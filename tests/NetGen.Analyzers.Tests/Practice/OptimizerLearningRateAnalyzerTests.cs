using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0306: an optimizer created in code with a learning rate far above its usual range.</summary>
public sealed class OptimizerLearningRateAnalyzerTests
{
    [Fact]
    public async Task NG0306_ConstantRateAboveTenTimesTheLimit_ReportedAtTheRate()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                private const double Fast = 2;

                public static void Named(Net model) => model.Compile(optimizer: new NetGen.Optimizers.Adam(learningRate: [|0.5|]));

                public static void Positional(Net model) => model.Compile(new NetGen.Optimizers.Sgd([|Fast|], momentum: 0.9));

                public static NetGen.Optimizers.Optimizer Integer() => new NetGen.Optimizers.Adadelta([|20|]);

                // A schedule's optimizer is unknown where it is created: judged against the highest limit, Adadelta's.
                public static Callback Schedule() => new LearningRateScheduler((epoch, rate) => epoch < 5 ? [|50.0|] : rate);
            }
            """), "NG0306");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("Learning rate 0.5 is far above Adam's usual range (up to 0.01); training is likely to diverge", messages);
        Assert.Contains("Learning rate 2 is far above Sgd's usual range (up to 0.1); training is likely to diverge", messages);
        Assert.Contains("Learning rate 20 is far above Adadelta's usual range (up to 1); training is likely to diverge", messages);
        Assert.Contains("Learning rate 50 is far above any optimizer's usual range (up to 1); training is likely to diverge", messages);
    }

    [Fact]
    public Task RatesInRange_AtTheLimit_DefaultOrNotConstant_Silent() => VerifyAsync(With("""
        public static class Training
        {
            public static void Usual(Net model) => model.Compile(optimizer: new NetGen.Optimizers.Adam(learningRate: 0.001));

            // Ten times the limit is the edge of the range, not beyond it: 0.1 for Adam, 1 for SGD.
            public static void AtTheEdge(Net model) => model.Compile(new NetGen.Optimizers.AdamW(0.1));

            public static NetGen.Optimizers.Optimizer SgdEdge() => new NetGen.Optimizers.Sgd(1.0);

            // 0.5 is far too high for Adam but within Adadelta's range; the rule reads the optimizer.
            public static NetGen.Optimizers.Optimizer Adadelta() => new NetGen.Optimizers.Adadelta(0.5);

            public static NetGen.Optimizers.Optimizer Default() => new NetGen.Optimizers.RmsProp();

            // Only an explicit learning rate counts, not another hyperparameter with a large value.
            public static NetGen.Optimizers.Optimizer Beta() => new NetGen.Optimizers.Adam(beta2: 0.999, epsilon: 1.0);

            public static void Computed(Net model, double rate) => model.Compile(new NetGen.Optimizers.Adam(rate * 100));

            // A schedule within reach of some optimizer, computed rates, and a nested lambda's return.
            public static Callback Scheduled() => new LearningRateScheduler((epoch, rate) => epoch < 5 ? 0.5 : rate * 0.9);

            public static Callback Nested() => new LearningRateScheduler((epoch, rate) =>
            {
                System.Func<double> unrelated = () => 100.0;
                return rate;
            });
        }
        """));
}
