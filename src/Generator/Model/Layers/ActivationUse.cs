namespace NetGen.Model.Layers;

/// <summary>
/// A layer's activation, for the kinds that have one: what configuration rules check (softmax on
/// one unit, a sigmoid output with categorical cross-entropy) and what the emitter applies.
/// </summary>
/// <param name="Kind">The function.</param>
/// <param name="Alpha">LeakyReLU's negative slope.</param>
/// <param name="IsModule">
/// True when the layer's module is the activation (an <c>Activation</c> layer); false when the
/// activation is applied to the module's output (Dense's <c>activation</c> argument).
/// </param>
/// <param name="IsInsideModule">
/// True when the module applies the activation itself and has a call that leaves it out
/// (<see cref="LayerRule.EmitLogitsCall"/>: a sub-network whose output ends in sigmoid); the emitter
/// never applies it, and uses that call for an output's logits.
/// </param>
internal sealed record ActivationUse(ActivationKind Kind, double Alpha, bool IsModule, bool IsInsideModule = false);
