using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using NetGen.Training;

namespace NetGen.Callbacks;

/// <summary>
/// Saves the network's weights during training, as Keras's <c>ModelCheckpoint</c> with
/// <c>save_weights_only=True</c>: after every epoch (or every <see cref="SaveFreq"/> batches),
/// or with <see cref="SaveBestOnly"/> only when the monitored value improves. Each save goes
/// through <see cref="NetworkPersistence.SaveWeights(INetwork, string)"/>: atomic, safetensors for a
/// <c>.safetensors</c> path and TorchSharp's format otherwise.
/// </summary>
/// <remarks>
/// <para>
/// The file path may hold placeholders in .NET's composite-format style, filled with the
/// invariant culture: <c>{epoch}</c> (1-based, as in Keras), <c>{batch}</c> (1-based within
/// the epoch, when saving every N batches) and any logged value, each with an optional .NET
/// format after a colon. Keras's <c>weights.{epoch:02d}-{val_loss:.2f}.weights.h5</c> is
/// <c>weights.{epoch:D2}-{val_loss:F2}.safetensors</c> here; Python formats are refused with
/// the .NET spelling in the message, and <c>{{</c>, <c>}}</c> are literal braces.
/// </para>
/// <para>
/// Where NetGen differs from Keras: it saves weights only (a NetGen network's structure is its
/// class), so there is no <c>save_weights_only</c> and any file extension is accepted; a
/// monitored value that is not logged is an error, where Keras warns and saves anyway, since
/// a "best only" checkpoint that silently saves every epoch is not what was asked for. As in
/// Keras, NaN is never an improvement, and the best value is kept across <c>Fit</c> calls with
/// the same callback, so a later run only overwrites the best file with a better one.
/// </para>
/// </remarks>
public sealed class ModelCheckpoint : Callback
{
    private readonly CheckpointPath _path;
    private int _epoch;
    private int _batchesSinceSave;

    /// <summary>Creates the callback.</summary>
    /// <param name="filepath">Where to save, with optional placeholders such as <c>{epoch:D2}</c> or <c>{val_loss:F4}</c>; directories are created as needed.</param>
    /// <param name="monitor">The logged value that decides what is "best" with <paramref name="saveBestOnly"/>.</param>
    /// <param name="mode">Whether <paramref name="monitor"/> should go down or up; Auto is up for accuracy and AUC.</param>
    /// <param name="saveBestOnly">Save only when <paramref name="monitor"/> improves on the best value so far.</param>
    /// <param name="saveFreq">Null (Keras's <c>"epoch"</c>) saves at the end of every epoch; a positive number saves every that many training batches, counted across epochs from the start of each <c>Fit</c>, judged on the epoch's running values.</param>
    /// <param name="initialValueThreshold">The value to beat before the first save with <paramref name="saveBestOnly"/>; by default anything (but NaN) beats the start.</param>
    /// <param name="verbose">Print a line for every save or skipped save, as Keras's <c>verbose=1</c>, to <c>Fit</c>'s output.</param>
    public ModelCheckpoint(
        string filepath,
        string monitor = "val_loss",
        MonitorMode mode = MonitorMode.Auto,
        bool saveBestOnly = false,
        int? saveFreq = null,
        double? initialValueThreshold = null,
        bool verbose = false)
    {
        ArgumentNullException.ThrowIfNull(filepath);
        if (string.IsNullOrWhiteSpace(filepath))
        {
            throw new ArgumentException("The checkpoint file path is empty.", nameof(filepath));
        }

        if (saveFreq is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(saveFreq), saveFreq, "saveFreq must be a positive number of batches, or null to save every epoch.");
        }

        if (initialValueThreshold is { } threshold && double.IsNaN(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(initialValueThreshold), threshold, "The initial value threshold must be a number; nothing would ever beat NaN.");
        }

        Monitor = Monitoring.CheckMonitor(monitor, nameof(monitor));
        Mode = Monitoring.Resolve(monitor, mode, nameof(mode));
        _path = new CheckpointPath(filepath, nameof(filepath));
        Filepath = filepath;
        SaveBestOnly = saveBestOnly;
        SaveFreq = saveFreq;
        InitialValueThreshold = initialValueThreshold;
        Verbose = verbose;
        Best = initialValueThreshold ?? Monitoring.Worst(Mode);
    }

    /// <summary>The file path, with its placeholders.</summary>
    public string Filepath { get; }

    /// <summary>The logged value watched with <see cref="SaveBestOnly"/>.</summary>
    public string Monitor { get; }

    /// <summary>Direction of improvement (never Auto once constructed).</summary>
    public MonitorMode Mode { get; }

    /// <summary>Whether only improvements are saved.</summary>
    public bool SaveBestOnly { get; }

    /// <summary>Batches between saves, or null to save at the end of every epoch.</summary>
    public int? SaveFreq { get; }

    /// <summary>The value to beat before the first save with <see cref="SaveBestOnly"/>, if given.</summary>
    public double? InitialValueThreshold { get; }

    /// <summary>Whether a line is printed for every save or skipped save.</summary>
    public bool Verbose { get; }

    /// <summary>The best monitored value saved so far (or the threshold to beat, or infinity).</summary>
    public double Best { get; private set; }

    /// <summary>The path of the last file written, or null.</summary>
    public string? LastSavedPath { get; private set; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context) => _batchesSinceSave = 0;

    /// <inheritdoc />
    public override void OnEpochBegin(TrainingContext context, int epoch) => _epoch = epoch;

    /// <inheritdoc />
    public override void OnBatchEnd(TrainingContext context, int batch, BatchLogs logs)
    {
        if (SaveFreq is { } every && ++_batchesSinceSave >= every)
        {
            _batchesSinceSave = 0;
            Save(context, _epoch, batch, logs.All());
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (SaveFreq is null)
        {
            Save(context, epoch, null, logs);
        }
    }

    private void Save(TrainingContext context, int epoch, int? batch, IReadOnlyDictionary<string, double> logs)
    {
        // Filled before deciding, as Keras does, so a misspelt placeholder fails on the first epoch.
        var path = _path.Format(epoch + 1, batch + 1, logs);
        var prefix = $"Epoch {(epoch + 1).ToString(CultureInfo.InvariantCulture)}: ";
        double? improved = null;
        if (SaveBestOnly)
        {
            var current = Monitoring.Read(logs, Monitor, nameof(ModelCheckpoint));
            if (!Monitoring.IsImprovement(Mode, current, Best, minDelta: 0))
            {
                if (Verbose)
                {
                    context.Output?.WriteLine($"{prefix}{Monitor} did not improve from {Monitoring.Format(Best)}");
                }

                return;
            }

            improved = current;
            if (Verbose)
            {
                context.Output?.WriteLine($"{prefix}{Monitor} improved from {Monitoring.Format(Best)} to {Monitoring.Format(current)}, saving model to {path}");
            }
        }
        else if (Verbose)
        {
            context.Output?.WriteLine($"{prefix}saving model to {path}");
        }

        if (Directory.Exists(path))
        {
            throw new IOException($"ModelCheckpoint cannot save to '{path}': it is a directory; give a file path, e.g. '{Path.Combine(path, "weights.{epoch:D2}.safetensors")}'.");
        }

        context.Network.SaveWeights(path);
        LastSavedPath = path;
        if (improved is { } value)
        {
            Best = value;
        }
    }
}
