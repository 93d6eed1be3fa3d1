namespace NetGen.Data;

/// <summary>How <see cref="CsvLoader"/> reads a numeric table.</summary>
public sealed record CsvOptions
{
    /// <summary>Whether the first row (after <see cref="SkipRows"/>) holds column names.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Lines skipped before anything is read (e.g. scikit-learn's line of counts).</summary>
    public int SkipRows { get; init; }

    /// <summary>The field separator; a space means any run of spaces or tabs.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>Index of the label column; negative counts from the end. Ignored when <see cref="LabelColumnName"/> is set.</summary>
    public int LabelColumn { get; init; } = -1;

    /// <summary>Name of the label column (needs a header).</summary>
    public string? LabelColumnName { get; init; }

    /// <summary>Labels as int64 class ids instead of float32 values.</summary>
    public bool IntegerLabels { get; init; }
}
