using System;
using System.Collections.Generic;

namespace NetGen.Data;

/// <summary>How <see cref="CsvLoader"/> reads a numeric table.</summary>
/// <remarks>
/// scikit-learn's <c>breast_cancer.csv</c> starts with a line of counts and class names
/// (<c>569,30,malignant,benign</c>), not column names: read it with
/// <c>new CsvOptions { SkipRows = 1, HasHeader = false }</c>.
/// </remarks>
public sealed record CsvOptions
{
    /// <summary>Whether the first row (after <see cref="SkipRows"/>) holds column names.</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Lines skipped before anything is read (e.g. scikit-learn's line of counts).</summary>
    public int SkipRows { get; init; }

    /// <summary>The field separator; a space means any run of spaces or tabs.</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>
    /// Index of the label column among all columns of the file; negative counts from the end
    /// (<c>-1</c>, the default, is the last column). Ignored when <see cref="LabelColumnName"/> is set.
    /// </summary>
    public int LabelColumn { get; init; } = -1;

    /// <summary>Name of the label column (needs a header).</summary>
    public string? LabelColumnName { get; init; }

    /// <summary>Indexes of columns to ignore (ids, dates...); negative counts from the end.</summary>
    public IReadOnlyList<int> SkipColumns { get; init; } = Array.Empty<int>();

    /// <summary>Names of columns to ignore (needs a header).</summary>
    public IReadOnlyList<string> SkipColumnNames { get; init; } = Array.Empty<string>();

    /// <summary>Labels as int64 class ids instead of float32 values.</summary>
    public bool IntegerLabels { get; init; }

    /// <summary>
    /// Whether fields spelled <c>NaN</c>, <c>nan</c>, <c>inf</c>, <c>Infinity</c> or <c>-Infinity</c>
    /// (any case, optional sign) load as NaN and infinities. Off by default: they are errors, because
    /// a single NaN silently turns the loss and every weight into NaN. Turn it on for data whose
    /// missing values you handle yourself (the scalers ignore NaN when fitting).
    /// </summary>
    /// <remarks>
    /// Numbers too large for float32, such as <c>1e39</c> or <c>1e400</c>, are errors either way:
    /// they are not infinities but values that cannot be represented. Empty fields are errors too,
    /// and class ids (<see cref="IntegerLabels"/>) must always be whole numbers.
    /// </remarks>
    public bool AllowNaNAndInfinity { get; init; }
}
