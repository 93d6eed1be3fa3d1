namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>
/// Tests that set or read state libtorch keeps for the whole process: the global generator
/// (<c>torch.manual_seed</c>, dropout under <c>Fit(seed:)</c>) and the thread count
/// (<see cref="Training.ThreadPolicy"/>). Every other test draws from that generator whenever it
/// builds a layer, and Fit's default policy changes the thread count, so these run alone, after
/// the parallel ones.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideState
{
    public const string Name = "libtorch's process-wide state";
}
