using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>Which hyperparameters each optimizer takes, their valid ranges, and their runtime parameter names.</summary>
internal static class OptimizerHyperparameters
{
    public static bool Supports(OptimizerKind optimizer, string name) => name switch
    {
        "LearningRate" or "WeightDecay" => true,
        "Momentum" => optimizer is OptimizerKind.Sgd or OptimizerKind.RmsProp,
        "Nesterov" => optimizer is OptimizerKind.Sgd,
        "Beta1" or "Beta2" => optimizer is OptimizerKind.Adam or OptimizerKind.AdamW,
        "Rho" => optimizer is OptimizerKind.RmsProp or OptimizerKind.Adadelta,
        "Epsilon" => optimizer is not OptimizerKind.Sgd,
        _ => false,
    };

    /// <summary>What the value must be, or null when it is valid.</summary>
    public static string? Requirement(CompileModel compile, OptimizerSetting setting)
    {
        var value = setting.Value;
        switch (setting.Name)
        {
            case "Momentum" or "Beta1" or "Beta2" or "Rho":
                return value >= 0 && value < 1 ? null : "in [0, 1)";
            case "Epsilon":
                return value > 0 && value <= float.MaxValue ? null : "a positive float32";
            case "WeightDecay":
                return value >= 0 && value <= float.MaxValue ? null : "zero or a positive float32";
            case "Nesterov":
                var momentum = compile.Settings.FirstOrDefault(static s => s.Name == "Momentum");
                return value == 0 || (momentum is not null && momentum.Value > 0) ? null : "used with a Momentum above 0";
            default:
                return null;
        }
    }

    /// <summary>
    /// The top of the learning rates an optimizer is usually trained with (Adam's default is 1e-3 and
    /// rarely goes above 1e-2; SGD's and Adagrad's run to about 0.1, Adadelta's to about 1).
    /// NG0217 notes a rate more than ten times above it.
    /// </summary>
    public static double UsualLearningRateLimit(OptimizerKind optimizer) => optimizer switch
    {
        OptimizerKind.Sgd or OptimizerKind.Adagrad => 0.1,
        OptimizerKind.Adadelta => 1.0,
        _ => 0.01,
    };

    /// <summary>The constructor parameter of the runtime optimizer class.</summary>
    public static string ParameterName(string name) => name switch
    {
        "LearningRate" => "learningRate",
        "WeightDecay" => "weightDecay",
        "Momentum" => "momentum",
        "Nesterov" => "nesterov",
        "Beta1" => "beta1",
        "Beta2" => "beta2",
        "Rho" => "rho",
        _ => "epsilon",
    };

    /// <summary>The runtime optimizer class name in <c>NetGen.Optimizers</c>.</summary>
    public static string ClassName(OptimizerKind optimizer) => optimizer.ToString();
}
