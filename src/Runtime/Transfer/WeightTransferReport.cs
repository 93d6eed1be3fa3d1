using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace NetGen;

/// <summary>
/// What <see cref="WeightTransfer.LoadWeightsFrom(INetwork, INetwork, bool)"/> did, tensor by
/// tensor (<c>state_dict</c> keys such as <c>Conv1.weight</c>): loaded, skipped because one side
/// lacks it, or left as it was because the shapes differ. <see cref="ToString"/> prints it.
/// </summary>
public sealed class WeightTransferReport
{
    internal WeightTransferReport(
        string source,
        string target,
        IReadOnlyList<string> loaded,
        IReadOnlyList<WeightMismatch> mismatched,
        IReadOnlyList<string> missingInSource,
        IReadOnlyList<string> notInTarget)
    {
        Source = source;
        Target = target;
        Loaded = loaded;
        Mismatched = mismatched;
        MissingInSource = missingInSource;
        NotInTarget = notInTarget;
    }

    /// <summary>The source: a network's name, or a file's name.</summary>
    public string Source { get; }

    /// <summary>The name of the network loaded into.</summary>
    public string Target { get; }

    /// <summary>Tensors copied from the source, in the target's order.</summary>
    public IReadOnlyList<string> Loaded { get; }

    /// <summary>Tensors both sides have with different shapes (or element types that cannot convert); the target keeps its own.</summary>
    public IReadOnlyList<WeightMismatch> Mismatched { get; }

    /// <summary>Tensors of the target the source lacks; the target keeps its own.</summary>
    public IReadOnlyList<string> MissingInSource { get; }

    /// <summary>Tensors of the source the target lacks; ignored.</summary>
    public IReadOnlyList<string> NotInTarget { get; }

    /// <summary>Whether every tensor of each side was loaded (the two networks have the same layers and shapes).</summary>
    public bool IsComplete => Mismatched.Count == 0 && MissingInSource.Count == 0 && NotInTarget.Count == 0;

    /// <summary>
    /// The report, one section per outcome (empty ones left out):
    /// <code>
    /// Loaded 4 of 6 tensors of Classifier from FeatureNet.
    ///   Loaded (4): Conv1.weight, Conv1.bias, Conv2.weight, Conv2.bias
    ///   Mis-shaped, kept (2): Classes.weight is [10, 32] in the source but [5, 32] in the target; ...
    /// </code>
    /// </summary>
    public override string ToString()
    {
        var total = Loaded.Count + Mismatched.Count + MissingInSource.Count;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"Loaded {Loaded.Count} of {total} tensors of {Target} from {Source}.");
        Section(text, "Loaded", Loaded);
        Section(text, "Mis-shaped, kept", Mismatched.Select(static m => m.ToString()).ToList(), "; ");
        Section(text, "Missing in the source, kept", MissingInSource);
        Section(text, "Not in the target, ignored", NotInTarget);
        return text.ToString();
    }

    private static void Section(StringBuilder text, string title, IReadOnlyList<string> names, string separator = ", ")
    {
        if (names.Count > 0)
        {
            text.Append('\n').Append(CultureInfo.InvariantCulture, $"  {title} ({names.Count}): ").Append(string.Join(separator, names));
        }
    }
}

/// <summary>
/// Weights could not be loaded by name because some tensor's shape differs and the caller asked
/// to fail on mismatch; nothing was loaded. <see cref="Report"/> says what would have happened.
/// </summary>
public sealed class WeightTransferException : Exception
{
    /// <summary>Creates the exception from the report of the transfer that was refused.</summary>
    public WeightTransferException(WeightTransferReport report)
        : base(Describe(report)) => Report = report;

    /// <summary>What the transfer found; nothing in <see cref="WeightTransferReport.Loaded"/> was actually copied.</summary>
    public WeightTransferReport Report { get; }

    private static string Describe(WeightTransferReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"Weights of {report.Source} do not fit {report.Target}, so none were loaded: {string.Join("; ", report.Mismatched)}.";
    }
}
