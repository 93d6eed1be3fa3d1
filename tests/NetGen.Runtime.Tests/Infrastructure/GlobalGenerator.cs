namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>
/// Tests that seed or read TorchSharp's global generator (<c>torch.manual_seed</c>, or dropout
/// under <c>Fit(seed:)</c>). Every other test draws from that generator whenever it builds a
/// layer, so these run alone, after the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalGenerator
{
    public const string Name = "TorchSharp's global generator";
}
