namespace NetGen.Samples.Seq2Seq;

/// <summary>The task the networks learn, generated in code by <see cref="NetGen.Decoding.DigitTasks"/>.</summary>
public enum DigitTask
{
    /// <summary>The sum of two numbers ("123+45" → "168"), Keras's addition example.</summary>
    Addition,

    /// <summary>A digit string reversed ("1234" → "4321").</summary>
    Reverse,
}
