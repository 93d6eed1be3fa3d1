using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using NetGen.Data.Images;
using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Data;

/// <summary>
/// The role (<see cref="DataRole"/>) each data set plays, kept at run time so that <c>Fit</c>,
/// <c>Evaluate</c> and <see cref="Scaler.Fit"/> can warn when data is used against it: the run-time
/// side of the practice rules, catching what the analyzers cannot see in code (data passed through
/// fields, parameters or collections).
/// </summary>
/// <remarks>
/// <para>
/// Roles come from where data is made: <see cref="DataSplit.TrainTestSplit"/> (training part, and a
/// held-out part that is <see cref="DataRole.Validation"/> data when the split data was training data,
/// the role of the split data when it had another, <see cref="DataRole.HeldOut"/> otherwise), the test
/// and training sets of <see cref="FashionMnist"/> and <see cref="Cifar10"/>, CSV, CIFAR-10 and image
/// folders whose name says test or train (<c>test.csv</c>, <c>test_batch.bin</c>, <c>images/test</c>),
/// <see cref="Text.LabeledTexts.Split"/>, the spans of a chronological split, an image folder's training and
/// validation subsets. A scaler's <c>Transform</c>, <see cref="OneHot.Encode"/>, <see cref="LabeledImages.SelectClasses"/>
/// and <see cref="LabeledImages.Take"/> keep their input's role; any other operation (a TorchSharp
/// <c>reshape</c>, an index) makes a tensor without one. Label data of your own with
/// <see cref="WithRole(Tensor, DataRole)"/>.
/// </para>
/// <para>
/// A role belongs to the tensor (or batch source) object, in a table that never keeps it alive; looking
/// it up costs one hash lookup, and nothing is copied.
/// </para>
/// <para>
/// The warnings, each named after the rule it mirrors and given once per call: <c>Fit</c> training on test
/// data (NG0310; held-out data is not test data, since it is often a validation part), validating on
/// test data (NG0301; NG0302 when a callback also keeps the best validation epoch's weights: an
/// <see cref="Callbacks.EarlyStopping"/> with <c>restoreBestWeights</c> or a best-only
/// <see cref="Callbacks.ModelCheckpoint"/> monitoring a <c>val_</c> value) or on augmented batches (NG0308);
/// <c>Evaluate</c> on the data that selected the network in such a <c>Fit</c>, unless that data has the
/// validation role (NG0302) or on augmented batches (NG0308) (a score on training data, NG0305, is left to the
/// analyzer: whether it is the reported result depends on the Evaluates that follow, which a call cannot know);
/// a <see cref="Scaler"/> fitted on data that is not training data (NG0303).
/// </para>
/// <para>
/// <c>Fit</c> prints its warnings to its <c>output</c>, before the first epoch (nothing with
/// <see cref="Verbosity.Silent"/>), and keeps them in <see cref="History.Warnings"/>; <c>Evaluate</c> and
/// <see cref="Scaler.Fit"/> print to <see cref="Output"/> (the standard error by default) and keep them in
/// <see cref="EvaluationResult.Warnings"/> and <see cref="Scaler.Warnings"/>. <see cref="Enabled"/> turns
/// every check off.
/// </para>
/// </remarks>
public static class DataRoles
{
    // One box per role: the table's values must be objects, and sharing them costs nothing per tensor.
    private static readonly RoleBox[] Boxes = [new(DataRole.Training), new(DataRole.Validation), new(DataRole.Test), new(DataRole.HeldOut)];
    private static readonly ConditionalWeakTable<object, RoleBox> Roles = new();
    private static volatile bool _enabled = true;
    private static volatile TextWriter? _output;

    /// <summary>Whether data roles are checked and warned about (process-wide; on by default).</summary>
    public static bool Enabled
    {
        get => _enabled;
        set => _enabled = value;
    }

    /// <summary>
    /// Where <c>Evaluate</c> and <see cref="Scaler.Fit"/> print role warnings (process-wide); null, the default,
    /// is <see cref="Console.Error"/>. <c>Fit</c> prints to its own <c>output</c>.
    /// </summary>
    public static TextWriter? Output
    {
        get => _output;
        set => _output = value;
    }

    /// <summary>Labels <paramref name="tensor"/> with <paramref name="role"/>, replacing any role it had.</summary>
    /// <returns>The same tensor, for chaining: <c>var xTest = CsvLoader.LoadMatrix(path).WithRole(DataRole.Test);</c>.</returns>
    public static Tensor WithRole(this Tensor tensor, DataRole role)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Mark(tensor, CheckRole(role));
    }

    /// <summary>Labels a batch source (a TorchSharp <c>DataLoader</c>'s <see cref="Batches.AsBatches"/>, your own batches) with <paramref name="role"/>.</summary>
    /// <returns>The same source, for chaining.</returns>
    public static TBatches WithRole<TBatches>(this TBatches batches, DataRole role)
        where TBatches : class, IEnumerable<Batch>
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Mark(batches, CheckRole(role));
    }

    /// <summary>The role of <paramref name="tensor"/>, or null when it has none.</summary>
    public static DataRole? Of(Tensor tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        return Find(tensor);
    }

    /// <summary>
    /// The role of a batch source: the one it was labelled with, else an image folder's subset
    /// (training or validation) or the span time-series windows were cut from; null when it has none.
    /// </summary>
    public static DataRole? Of(IEnumerable<Batch> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        return Find(batches);
    }

    /// <summary>The role of any data object: labelled, or known from NetGen's own data types.</summary>
    internal static DataRole? Find(object data)
    {
        if (Roles.TryGetValue(data, out var box))
        {
            return box.Role;
        }

        return data switch
        {
            ImageBatches { Subset: ImageSubset.Training } => DataRole.Training,
            ImageBatches { Subset: ImageSubset.Validation } => DataRole.Validation,
            TimeseriesWindows windows => OfSpan(windows.Series.Span),
            TimeSeries series => OfSpan(series.Span),
            _ => null,
        };
    }

    /// <summary>The role of a chronological split's span; null for a whole series.</summary>
    internal static DataRole? OfSpan(TimeSeriesSpan span) => span switch
    {
        TimeSeriesSpan.Training => DataRole.Training,
        TimeSeriesSpan.Validation => DataRole.Validation,
        TimeSeriesSpan.Test => DataRole.Test,
        _ => null,
    };

    /// <summary>
    /// The role a file or folder name says: a word "test" or "testing" (or MNIST's "t10k" prefix) is test
    /// data, "train" or "training" training data; words are split at anything but letters and digits, so
    /// <c>latest.csv</c> or <c>contest</c> say nothing.
    /// </summary>
    internal static DataRole? OfFileName(string path)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(path));
        if (name.StartsWith("t10k", StringComparison.OrdinalIgnoreCase))
        {
            return DataRole.Test;
        }

        DataRole? role = null;
        foreach (var word in Words(name))
        {
            DataRole? said = word.ToUpperInvariant() switch
            {
                "TEST" or "TESTING" => DataRole.Test,
                "TRAIN" or "TRAINING" => DataRole.Training,
                _ => null,
            };

            if (said is not null)
            {
                // A name saying both ("train_test.csv") says nothing certain.
                if (role is not null && role != said)
                {
                    return null;
                }

                role = said;
            }
        }

        return role;
    }

    private static IEnumerable<string> Words(string name)
    {
        var start = 0;
        for (var i = 0; i <= name.Length; i++)
        {
            if (i == name.Length || !char.IsLetterOrDigit(name[i]))
            {
                if (i > start)
                {
                    yield return name[start..i];
                }

                start = i + 1;
            }
        }
    }

    /// <summary>Gives <paramref name="data"/> <paramref name="role"/>; a null role leaves it as it is.</summary>
    internal static T Mark<T>(T data, DataRole? role)
        where T : class
    {
        if (role is { } value)
        {
            Roles.AddOrUpdate(data, Boxes[(int)value]);
        }

        return data;
    }

    /// <summary>Gives <paramref name="result"/> the role of <paramref name="source"/>, when it has one.</summary>
    internal static T Keep<T>(T result, object source)
        where T : class => Mark(result, Find(source));

    /// <summary>Records <paramref name="warnings"/> and prints each to <paramref name="writer"/>.</summary>
    internal static void Report(IReadOnlyList<RoleWarning> warnings, TextWriter? writer)
    {
        foreach (var warning in warnings)
        {
            writer?.WriteLine(warning.ToString());
        }
    }

    /// <summary>Where warnings outside <c>Fit</c> go.</summary>
    internal static TextWriter Writer => _output ?? Console.Error;

    /// <summary>"the test role", "the held-out role" in messages.</summary>
    internal static string Describe(DataRole role) => role switch
    {
        DataRole.Training => "the training role",
        DataRole.Validation => "the validation role",
        DataRole.Test => "the test role",
        _ => "the held-out role",
    };

    private static DataRole CheckRole(DataRole role) =>
        Enum.IsDefined(role) ? role : throw new ArgumentOutOfRangeException(nameof(role), role, "The role must be Training, Validation, Test or HeldOut.");

    private sealed class RoleBox(DataRole role)
    {
        public DataRole Role { get; } = role;
    }
}
