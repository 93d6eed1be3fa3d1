namespace NetGen.Model.Analysis;

/// <summary>The compile configuration declared by <c>[Network]</c>, <c>[Optimizer]</c> and each <c>[Output]</c>.</summary>
/// <param name="Optimizer">The optimizer in effect.</param>
/// <param name="Settings">Its hyperparameters set explicitly, learning rate included.</param>
/// <param name="Outputs">Loss, loss weight and metrics of each output, in output order.</param>
internal sealed record CompileModel(
    OptimizerKind Optimizer,
    EquatableArray<OptimizerSetting> Settings,
    EquatableArray<OutputCompile> Outputs);

/// <summary>An optimizer hyperparameter set explicitly, and on which attribute.</summary>
internal sealed record OptimizerSetting(string Name, double Value, bool OnNetworkAttribute);

/// <summary>How one output is trained and measured.</summary>
/// <param name="Name">The output layer's name.</param>
/// <param name="Loss">Its loss (<see cref="LossKind.None"/>: none declared).</param>
/// <param name="LossDeclaredOnOutput">Whether the loss comes from its <c>[Output]</c> (where problems with it are reported).</param>
/// <param name="LossWeight">The weight of its loss in the total.</param>
/// <param name="Metrics">Its metrics.</param>
/// <param name="MetricsDeclaredOnOutput">Whether the metrics come from its <c>[Output]</c>.</param>
internal sealed record OutputCompile(
    string Name,
    LossKind Loss,
    bool LossDeclaredOnOutput,
    double LossWeight,
    EquatableArray<MetricKind> Metrics,
    bool MetricsDeclaredOnOutput);
