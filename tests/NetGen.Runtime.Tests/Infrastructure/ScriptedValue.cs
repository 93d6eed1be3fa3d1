using System;
using NetGen.Callbacks;

namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>
/// Logs <paramref name="name"/> with a scripted value for each epoch through
/// <see cref="TrainingContext.LogValue"/>, so a monitoring callback can be driven through any
/// sequence of values the way a user's own callback would add one.
/// </summary>
public sealed class ScriptedValue(string name, Func<int, double> value) : Callback
{
    public override void OnEpochBegin(TrainingContext context, int epoch) => context.LogValue(name, value(epoch));
}
