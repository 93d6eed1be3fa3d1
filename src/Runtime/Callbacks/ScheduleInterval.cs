namespace NetGen.Callbacks;

/// <summary>What a learning-rate schedule counts: epochs or optimizer steps.</summary>
public enum ScheduleInterval
{
    /// <summary>The rate changes at the start of each epoch; the schedule's step is the epoch (0-based).</summary>
    Epoch,
    /// <summary>The rate changes before each training batch; the schedule's step is the number of optimizer steps taken in this <c>Fit</c>.</summary>
    Step,
}
