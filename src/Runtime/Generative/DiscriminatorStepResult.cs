using static TorchSharp.torch;

namespace NetGen.Generative;

/// <summary>What one discriminator update of a GAN measured, as scalars left on the device.</summary>
/// <param name="Loss">The discriminator's loss: the mean of its losses on the real and the generated samples.</param>
/// <param name="RealAccuracy">The fraction of real samples it classified as real.</param>
/// <param name="FakeAccuracy">The fraction of generated samples it classified as generated.</param>
public sealed record DiscriminatorStepResult(Tensor Loss, Tensor RealAccuracy, Tensor FakeAccuracy);
