using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using NetGen.Callbacks;
using NetGen.Data;
using NetGen.Data.Images;

namespace NetGen.Training;

/// <summary>
/// The run-time practice checks of <c>Fit</c> and <c>Evaluate</c> (<see cref="DataRoles"/> lists them), and
/// what each network remembers of its data to make them: the objects it was fitted on and those that
/// selected it, in weak tables, so a network never keeps its data alive.
/// </summary>
internal static class RoleChecks
{
    private static readonly ConditionalWeakTable<INetwork, DataMemory> Memories = new();
    private static readonly object Seen = new();

    /// <summary>
    /// The warnings of a <c>Fit</c> on <paramref name="training"/> validated on <paramref name="validation"/>
    /// (the user's tensors or batch source; <paramref name="validationArgument"/> names it), and records the
    /// data in the network's memory. Empty when <see cref="DataRoles.Enabled"/> is off.
    /// </summary>
    public static IReadOnlyList<RoleWarning> Fit(INetwork network, object[] training, object[]? validation, string validationArgument, IReadOnlyList<Callback> callbacks)
    {
        if (!DataRoles.Enabled)
        {
            return [];
        }

        var selecting = callbacks.FirstOrDefault(static c => SelectsModel(c));
        var memory = Memories.GetOrCreateValue(network);
        lock (memory)
        {
            if (validation is not null && selecting is not null)
            {
                foreach (var data in validation)
                {
                    memory.SelectedBy.AddOrUpdate(data, Seen);
                }
            }
        }

        var warnings = new List<RoleWarning>();

        // The test role only: the held-out part of a split of unlabelled data is as often a validation part,
        // and fine-tuning on validation data is a choice.
        if (training.Any(static data => DataRoles.Find(data) == DataRole.Test))
        {
            warnings.Add(new RoleWarning("NG0310", "Fit's training data has the test role: a network trained on the test data is then scored on data it has learned, so its test score no longer estimates how it does on unseen data; train on the training split and keep the test data for the final Evaluate."));
        }

        if (validation is null)
        {
            return warnings;
        }

        if (validation.Any(static data => DataRoles.Find(data) == DataRole.Test))
        {
            warnings.Add(selecting is null
                ? new RoleWarning("NG0301", $"Fit's {validationArgument} has the test role: validating on the test data tunes the model to it, and its test score no longer estimates how it does on unseen data; hold validation data out of the training data (validationSplit, or a split of the training set) and keep the test data for the final Evaluate.")
                : new RoleWarning("NG0302", $"Fit's {validationArgument} has the test role and selects the model ({Describe(selecting)}): the test data chooses the weights, so its score is no longer an estimate on unseen data; hold validation data out of the training data (validationSplit, or a split of the training set) and keep the test data for the final Evaluate."));
        }

        if (validation.Any(static data => data is ImageBatches { IsAugmented: true }))
        {
            warnings.Add(new RoleWarning("NG0308", $"Fit's {validationArgument} is augmented: validation measures randomly transformed images, so its values change from epoch to epoch for no reason in the model; validate on batches without augmentation (ImageFolder.Validation)."));
        }

        return warnings;
    }

    /// <summary>The warnings of an <c>Evaluate</c> of <paramref name="network"/> on <paramref name="data"/> (the user's tensors or batch source).</summary>
    public static IReadOnlyList<RoleWarning> Evaluate(INetwork network, object[] data, string argument)
    {
        if (!DataRoles.Enabled)
        {
            return [];
        }

        var roles = data.Select(DataRoles.Find).Where(static role => role is not null).ToList();
        var warnings = new List<RoleWarning>();
        var memory = Memories.GetOrCreateValue(network);
        lock (memory)
        {
            var selectedBy = data.Any(d => memory.SelectedBy.TryGetValue(d, out _));
            if (selectedBy && !roles.Contains(DataRole.Validation))
            {
                warnings.Add(new RoleWarning("NG0302", $"Evaluate's {argument} is the validation data that selected the network in Fit (its best epoch's weights were kept): a score on the data that chose the weights overestimates how the model does on unseen data; report the score on test data that played no part in training. If this is the validation score on purpose, label the data with WithRole(DataRole.Validation)."));
            }

            // No NG0305 here: a score on training data is the reported result only when no other Evaluate
            // follows, which a call cannot know (a training score beside a test score is a comparison).
        }

        if (data.Any(static d => d is ImageBatches { IsAugmented: true }))
        {
            warnings.Add(new RoleWarning("NG0308", $"Evaluate's {argument} is augmented: the score measures randomly transformed images and changes from run to run; evaluate batches without augmentation."));
        }

        return warnings;
    }

    /// <summary>Whether <paramref name="callback"/> keeps the weights of the best validation epoch.</summary>
    private static bool SelectsModel(Callback callback) => callback switch
    {
        EarlyStopping stopping => stopping.RestoreBestWeights && stopping.Monitor.StartsWith("val_", StringComparison.Ordinal),
        ModelCheckpoint checkpoint => checkpoint.SaveBestOnly && checkpoint.Monitor.StartsWith("val_", StringComparison.Ordinal),
        _ => false,
    };

    private static string Describe(Callback callback) =>
        callback is EarlyStopping stopping
            ? $"EarlyStopping restores the weights of the best {stopping.Monitor}"
            : $"ModelCheckpoint saves only the best {((ModelCheckpoint)callback).Monitor}";

    /// <summary>What a network remembers of the data given to it.</summary>
    private sealed class DataMemory
    {
        /// <summary>The validation data of every <c>Fit</c> whose callbacks kept the best validation epoch.</summary>
        public ConditionalWeakTable<object, object> SelectedBy { get; } = new();
    }
}
