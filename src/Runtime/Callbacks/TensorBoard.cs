using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;
using SummaryWriter = TorchSharp.Modules.SummaryWriter;

namespace NetGen.Callbacks;

/// <summary>
/// Writes TensorBoard event files, as Keras's <c>TensorBoard</c> callback lays them out: after
/// every epoch the training values go under <c>{logDir}/train</c> and the validation values
/// (without their <c>val_</c> prefix) under <c>{logDir}/validation</c>, each as the scalar
/// <c>epoch_{name}</c> (<c>epoch_loss</c>, <c>epoch_accuracy</c>, <c>epoch_learning_rate</c>) at
/// the 0-based epoch as step; with <see cref="HistogramFreq"/> every that many epochs (from the
/// first) a histogram of every floating-point weight under <c>train</c>, tagged
/// <c>{Layer}/{weight}/histogram</c>. Run <c>tensorboard --logdir {logDir}</c> to see them.
/// </summary>
/// <remarks>
/// <para>
/// The files are written by TorchSharp's <c>torch.utils.tensorboard.SummaryWriter</c>: TFRecord
/// framing with masked CRC-32C checks, <c>Event</c> protocol buffers, each event appended and
/// flushed as it is written (so there is no file left open to close, and a crash loses
/// nothing). Every <c>Fit</c> starts new event files, as Keras does; a directory is created only
/// once something is written to it, so a run without validation has no <c>validation</c>.
/// </para>
/// <para>
/// Where NetGen differs from Keras: the learning rate is the <c>learning_rate</c> a schedule
/// logged for the epoch, or else the optimizer's current rate (Keras always reads the
/// optimizer's); scalars are stored as <c>simple_value</c> (float32) where Keras writes tensor
/// summaries, which TensorBoard shows alike; wall times are whole seconds, as TorchSharp's
/// writer records them; weight histograms use TorchSharp's TensorFlow-style exponential
/// buckets. Keras's graph, image, embedding, profiling, per-batch (<c>update_freq</c>) and
/// steps-per-second options are not supported.
/// </para>
/// </remarks>
public sealed class TensorBoard : Callback
{
    private const string ValidationPrefix = "val_";

    private SummaryWriter? _train;
    private SummaryWriter? _validation;

    /// <summary>Creates the callback.</summary>
    /// <param name="logDir">The directory of this run's event files; <c>train</c> and <c>validation</c> are created under it.</param>
    /// <param name="histogramFreq">Epochs between weight histograms (epochs 1, 1 + n, 1 + 2n... in 1-based terms); 0 writes none.</param>
    public TensorBoard(string logDir = "logs", int histogramFreq = 0)
    {
        ArgumentNullException.ThrowIfNull(logDir);
        if (string.IsNullOrWhiteSpace(logDir))
        {
            throw new ArgumentException("The log directory is empty.", nameof(logDir));
        }

        if (histogramFreq < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(histogramFreq), histogramFreq, "histogramFreq must be zero (no histograms) or a positive number of epochs.");
        }

        LogDir = logDir;
        HistogramFreq = histogramFreq;
    }

    /// <summary>The directory holding the <c>train</c> and <c>validation</c> runs.</summary>
    public string LogDir { get; }

    /// <summary>Epochs between weight histograms, or 0 for none.</summary>
    public int HistogramFreq { get; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        _train = null;
        _validation = null;
        if (File.Exists(LogDir))
        {
            throw new IOException($"TensorBoard cannot write its runs under '{LogDir}': it is a file, not a directory.");
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        var train = logs.Where(static pair => !pair.Key.StartsWith(ValidationPrefix, StringComparison.Ordinal)).ToList();
        if (!logs.ContainsKey(LearningRates.LogName))
        {
            train.Add(new(LearningRates.LogName, context.LearningRate));
        }

        var writer = _train ??= Writer("train");
        foreach (var (name, value) in train)
        {
            writer.add_scalar("epoch_" + name, (float)value, epoch);
        }

        var validation = logs.Where(static pair => pair.Key.StartsWith(ValidationPrefix, StringComparison.Ordinal)).ToList();
        if (validation.Count > 0)
        {
            var validationWriter = _validation ??= Writer("validation");
            foreach (var (name, value) in validation)
            {
                validationWriter.add_scalar("epoch_" + name[ValidationPrefix.Length..], (float)value, epoch);
            }
        }

        if (HistogramFreq > 0 && epoch % HistogramFreq == 0)
        {
            WriteHistograms(context, writer, epoch);
        }
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context)
    {
        // TorchSharp's writer opens, appends to and closes its file for every event: nothing to flush or close.
        _train = null;
        _validation = null;
    }

    private static void WriteHistograms(TrainingContext context, SummaryWriter writer, int epoch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (name, weight) in context.Module.state_dict())
        {
            if (weight.is_floating_point() && weight.numel() > 0)
            {
                writer.add_histogram(name.Replace('.', '/') + "/histogram", weight.detach(), epoch);
            }
        }
    }

    private SummaryWriter Writer(string run)
    {
        var directory = Path.Combine(LogDir, run);
        if (File.Exists(directory))
        {
            throw new IOException($"TensorBoard cannot write the '{run}' run to '{directory}': it is a file, not a directory.");
        }

        return TorchSharp.torch.utils.tensorboard.SummaryWriter(directory);
    }
}
