using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using NetGen.Callbacks;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Generative;

/// <summary>
/// A generative adversarial network made of two ordinary networks: a generator from latent vectors
/// to samples and a discriminator from samples to the probability that they are real, each with its
/// own compile options and optimizer (declared on its class, or changed with <c>Compile</c> on it:
/// Keras's <c>compile(d_optimizer, g_optimizer, loss_fn)</c>). <c>Fit</c> runs NetGen's training loop
/// (epochs, progress, callbacks, <see cref="History"/>, seed, threads, cancellation) with
/// <see cref="TrainStep"/> as its step, the standard one of the Keras and PyTorch examples; override it
/// (or <see cref="DiscriminatorStep"/> and <see cref="GeneratorStep"/>) in a subclass to train
/// differently (label smoothing, a WGAN critic).
/// </summary>
/// <remarks>
/// The GAN is a TorchSharp module registering the generator as <c>Generator</c> and the
/// discriminator as <c>Discriminator</c>, so <c>SaveWeights</c> writes both under those prefixes and
/// <c>Summary</c> lists both as rows. Running it (<c>Predict</c>) runs the discriminator.
/// </remarks>
/// <typeparam name="TGenerator">The generator: one input (the latent vector), one output (a sample).</typeparam>
/// <typeparam name="TDiscriminator">The discriminator: one input shaped like the generator's output, one output.</typeparam>
public class Gan<TGenerator, TDiscriminator> : nn.Module, IGenerativeNetwork
    where TGenerator : nn.Module, INetwork
    where TDiscriminator : nn.Module, INetwork
{
    /// <summary>The name of the GAN's one input, the real (or generated) samples, in its description.</summary>
    public const string SampleInputName = "sample";

    /// <summary>The name of the generator's input in the GAN's description.</summary>
    public const string LatentInputName = "latent";

    private readonly NetworkCore _core;

    /// <summary>Creates a GAN from two networks, which it then owns (disposing it disposes them).</summary>
    /// <param name="generator">The generator.</param>
    /// <param name="discriminator">The discriminator.</param>
    /// <param name="name">The name in summaries and messages.</param>
    /// <exception cref="ArgumentException">
    /// A network does not have exactly one input and one output, the generator's input is not a
    /// floating-point vector of known size, or its output does not have the shape of the
    /// discriminator's input.
    /// </exception>
    public Gan(TGenerator generator, TDiscriminator discriminator, string name = "Gan")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(generator);
        ArgumentNullException.ThrowIfNull(discriminator);
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (ReferenceEquals(generator, discriminator))
        {
            throw new ArgumentException("The generator and the discriminator are the same network; a GAN needs two.", nameof(discriminator));
        }

        var g = generator.Description;
        var d = discriminator.Description;
        OneInputOneOutput(g, "generator", nameof(generator));
        OneInputOneOutput(d, "discriminator", nameof(discriminator));
        var latent = g.Inputs[0];
        if (latent.ElementType is not (ElementType.Float32 or ElementType.Float64) || !latent.Shape.IsKnown)
        {
            throw new ArgumentException(
                $"The generator {g.Name} takes {latent.ElementType} {latent.Shape}; a GAN draws its latent vectors from a normal distribution, so the generator's input must be floating-point with every size known.",
                nameof(generator));
        }

        var sample = d.Inputs[0];
        if (g.Outputs[0].Shape is not { } generated || !generated.Equals(sample.Shape))
        {
            throw new ArgumentException(
                $"The generator {g.Name} outputs {g.Outputs[0].Shape?.ToString() ?? "a shape known only at run time"} but the discriminator {d.Name} takes {sample.Shape}; they must be the same shape.",
                nameof(discriminator));
        }

        Generator = generator;
        Discriminator = discriminator;
        LatentShape = latent.Shape;
        SampleShape = generated;
        var description = new NetworkDescription(
            name,
            [new InputDescription(SampleInputName, sample.ElementType, sample.Shape)],
            [
                new LayerDescription("Generator", g.Name, generated, g.ParameterCount, g.TrainableParameterCount, [LatentInputName]),
                new LayerDescription("Discriminator", d.Name, d.Outputs[0].Shape, d.ParameterCount, d.TrainableParameterCount, [SampleInputName, "Generator"]),
            ],
            [new OutputDescription("Discriminator", d.Outputs[0].Shape, d.Outputs[0].Activation)]);
        _core = new NetworkCore(this, description, () => CompileOptions, inputCount: 1) { Parts = [generator, discriminator] };
        register_module("Generator", generator);
        register_module("Discriminator", discriminator);
    }

    /// <summary>The generator.</summary>
    public TGenerator Generator { get; }

    /// <summary>The discriminator.</summary>
    public TDiscriminator Discriminator { get; }

    /// <inheritdoc />
    public Shape LatentShape { get; }

    /// <inheritdoc />
    public Shape SampleShape { get; }

    /// <inheritdoc />
    public NetworkDescription Description => _core.Description;

    /// <summary>
    /// The discriminator's optimizer and loss, under the GAN's output name (what <c>Fit</c>'s
    /// callbacks see). Read from the discriminator every time, so <c>Compile</c> on it shows here.
    /// The generator's are its own <see cref="INetwork.CompileOptions"/>.
    /// </summary>
    public CompileOptions CompileOptions
    {
        get
        {
            var options = Discriminator.CompileOptions;
            return new CompileOptions(options.Optimizer, [new OutputOptions("Discriminator", options.Outputs[0].Loss, options.Outputs[0].LossWeight)]);
        }
    }

    /// <inheritdoc />
    public Device Device => _core.Device;

    NetworkCore INetwork.Core => _core;

    /// <summary>Runs the discriminator: the probability that each sample is real.</summary>
    public Tensor[] Run(IReadOnlyList<Tensor> inputs) => Discriminator.Run(inputs);

    /// <summary>Runs the discriminator, its output before a final sigmoid.</summary>
    public Tensor[] RunLogits(IReadOnlyList<Tensor> inputs) => Discriminator.RunLogits(inputs);

    /// <summary>
    /// Trains the GAN on real samples in memory (no targets: the step labels real and generated
    /// samples itself). Every batch runs <see cref="TrainStep"/>; the epoch's means of what it logs
    /// (<c>d_loss</c>, <c>g_loss</c>, <c>d_real_accuracy</c>, <c>d_fake_accuracy</c> for the standard
    /// step) are printed and returned.
    /// </summary>
    /// <param name="real">Real samples, one row per sample, each shaped like the discriminator's input.</param>
    /// <param name="epochs">Passes over the real samples.</param>
    /// <param name="batchSize">Real samples per step (and as many generated ones).</param>
    /// <param name="shuffle">Whether the real samples are reshuffled every epoch.</param>
    /// <param name="callbacks">Hooks such as <see cref="GeneratedImages"/>; learning-rate schedules do not apply (each part has its own optimizer).</param>
    /// <param name="verbose">How much progress is printed.</param>
    /// <param name="output">Where progress goes; the console by default.</param>
    /// <param name="seed">Seeds the shuffling and TorchSharp's process-wide generator (latent vectors, dropout), for reproducible runs.</param>
    /// <param name="threads">libtorch's thread count during training; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>Every logged value per epoch.</returns>
    public History Fit(
        Tensor real,
        int epochs = 1,
        int batchSize = 32,
        bool shuffle = true,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        return NetworkTraining.FitTensors(this, [real], [], epochs, batchSize, shuffle, 0, null, callbacks, verbose, output, seed, threads, default, cancellationToken);
    }

    /// <summary>Trains the GAN on batches of real samples from any source (a target, such as a class label, is allowed and not read).</summary>
    /// <param name="real">Batches of real samples, enumerated once per epoch; shuffling is the source's business.</param>
    /// <param name="epochs">Passes over the batches.</param>
    /// <param name="callbacks">Hooks such as <see cref="GeneratedImages"/>; learning-rate schedules do not apply (each part has its own optimizer).</param>
    /// <param name="verbose">How much progress is printed.</param>
    /// <param name="output">Where progress goes; the console by default.</param>
    /// <param name="seed">Seeds TorchSharp's process-wide generator (latent vectors, dropout), for reproducible runs.</param>
    /// <param name="threads">libtorch's thread count during training; <see cref="ThreadPolicy.Default"/> when null.</param>
    /// <param name="cancellationToken">Checked before every batch.</param>
    /// <returns>Every logged value per epoch.</returns>
    public History Fit(
        IEnumerable<Batch> real,
        int epochs = 1,
        IEnumerable<Callback>? callbacks = null,
        Verbosity verbose = Verbosity.Epoch,
        TextWriter? output = null,
        int? seed = null,
        ThreadPolicy? threads = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(real);
        return NetworkTraining.FitWithoutTargets(this, real, epochs, callbacks, verbose, output, seed, threads, cancellationToken);
    }

    /// <summary>
    /// The standard step, alternating per batch: <see cref="DiscriminatorStep"/> on the real batch and
    /// as many generated samples, then <see cref="GeneratorStep"/> through the frozen discriminator;
    /// logs <c>d_loss</c>, <c>g_loss</c>, <c>d_real_accuracy</c> and <c>d_fake_accuracy</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The discriminator does not end in one sigmoid unit with a loss (see <see cref="DiscriminatorLoss"/>).</exception>
    /// <exception cref="NotSupportedException">The batch has <see cref="Batch.SampleWeights"/>, which this step has no loss to apply to.</exception>
    public virtual void TrainStep(Batch batch, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(step);
        if (batch.SampleWeights is not null)
        {
            // Ignoring them would train as if they were not there; a subclass that means them overrides this step.
            throw new NotSupportedException(
                $"The standard step of {GetType().Name} does not weight samples, but a batch has SampleWeights: leave them out, or override TrainStep to weight the discriminator's loss on the real samples with them.");
        }

        var discriminator = DiscriminatorStep(batch.Inputs[0], step);
        var generatorLoss = GeneratorStep(batch.Size, step);
        step.Log("d_loss", discriminator.Loss);
        step.Log("g_loss", generatorLoss);
        step.Log("d_real_accuracy", discriminator.RealAccuracy);
        step.Log("d_fake_accuracy", discriminator.FakeAccuracy);
    }

    /// <summary>Not supported: evaluate the generator's samples or the discriminator on its own.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public virtual void TestStep(Batch batch, StepContext step) => throw new NotSupportedException(
        $"{Description.Name} has no evaluation step: a GAN's losses measure its two networks against each other, not against held-out data. Evaluate the discriminator, or the generated samples, on their own.");

    /// <summary>
    /// One discriminator update (the first half of the standard step): its loss on the real samples
    /// labelled 1 and on generated samples labelled 0 (the generator run without gradients, as
    /// PyTorch's <c>fake.detach()</c>), averaged, back-propagated and applied with the discriminator's optimizer.
    /// </summary>
    /// <returns>The loss, and the fractions of real and of generated samples the discriminator classified right.</returns>
    protected virtual DiscriminatorStepResult DiscriminatorStep(Tensor real, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(real);
        ArgumentNullException.ThrowIfNull(step);
        var optimizer = step.OptimizerOf(Discriminator);
        optimizer.zero_grad();
        Tensor fake;
        using (no_grad())
        {
            fake = Generator.Run([SampleLatent(real.size(0))])[0];
        }

        var (realLoss, realCorrect) = DiscriminatorLoss(real, isReal: true);
        var (fakeLoss, fakeCorrect) = DiscriminatorLoss(fake, isReal: false);
        var loss = realLoss.add(fakeLoss, Scalars.One).div(Scalars.Two);
        loss.backward();
        step.ApplyGradients(Discriminator);
        return new DiscriminatorStepResult(loss.detach(), realCorrect, fakeCorrect);
    }

    /// <summary>
    /// One generator update (the second half of the standard step): <paramref name="count"/> fresh
    /// latent vectors through the generator and the frozen discriminator
    /// (<see cref="FreezeDiscriminator"/>: no gradient reaches it), with the non-saturating loss
    /// (generated samples labelled 1), applied with the generator's optimizer.
    /// </summary>
    /// <returns>The generator's loss.</returns>
    protected virtual Tensor GeneratorStep(long count, StepContext step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var optimizer = step.OptimizerOf(Generator);
        optimizer.zero_grad();
        var fake = Generator.Run([SampleLatent(count)])[0];
        Tensor loss;
        using (FreezeDiscriminator())
        {
            (loss, _) = DiscriminatorLoss(fake, isReal: true);
            loss.backward();
        }

        step.ApplyGradients(Generator);
        return loss.detach();
    }

    /// <summary>
    /// The discriminator's compiled loss on <paramref name="samples"/> all labelled real (1) or
    /// generated (0), computed from the logits when the loss has that form (binary cross-entropy
    /// after a sigmoid), and the fraction of samples on the right side of 0.5.
    /// </summary>
    /// <exception cref="InvalidOperationException">The discriminator does not end in one sigmoid unit with a loss.</exception>
    protected (Tensor Loss, Tensor Accuracy) DiscriminatorLoss(Tensor samples, bool isReal)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var output = Discriminator.Description.Outputs[0];
        var loss = Discriminator.CompileOptions.Outputs[0].Loss;
        if (loss is null || output.Activation != Activation.Sigmoid || output.Shape is not { Rank: 1 } shape || shape[0].Size != 1)
        {
            throw new InvalidOperationException(
                $"The standard GAN step needs the discriminator {Discriminator.Description.Name} to end in one sigmoid unit with a loss (binary cross-entropy); its output '{output.Name}' is {output.Shape?.ToString() ?? "of a shape known at run time"} with activation {output.Activation} and "
                + (loss is null ? "no loss" : "loss " + loss.GetType().Name)
                + ". Give it Dense(1, Activation.Sigmoid) and Loss.BinaryCrossentropy, or override TrainStep for another objective (a WGAN critic).");
        }

        Tensor value;
        Tensor correct;
        if (loss.HasLogitsForm(Activation.Sigmoid))
        {
            var logits = Discriminator.RunLogits([samples])[0];
            value = loss.ComputeFromLogits(logits, Activation.Sigmoid, Labels(logits, isReal));
            using var zero = 0.ToScalar();
            correct = isReal ? logits.detach().ge(zero) : logits.detach().lt(zero);
        }
        else
        {
            var probabilities = Discriminator.Run([samples])[0];
            value = loss.Compute(probabilities, Labels(probabilities, isReal));
            using var half = 0.5.ToScalar();
            correct = isReal ? probabilities.detach().ge(half) : probabilities.detach().lt(half);
        }

        return (value, correct.to_type(ScalarType.Float32).mean());
    }

    /// <summary>
    /// Stops every discriminator parameter that requires a gradient from requiring one until the
    /// result is disposed, so a loss computed through the discriminator in between trains only
    /// what comes before it (the generator); layers frozen on the discriminator stay frozen after.
    /// </summary>
    protected IDisposable FreezeDiscriminator() => new FrozenParameters(Discriminator.parameters().Where(static p => p.requires_grad).ToList()).Freeze();

    /// <inheritdoc />
    public Tensor SampleLatent(long count, long? seed = null)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "At least one latent vector is needed.");
        }

        var size = new long[LatentShape.Rank + 1];
        size[0] = count;
        for (var i = 0; i < LatentShape.Rank; i++)
        {
            size[i + 1] = LatentShape[i].Size!.Value;
        }

        var type = Generator.Description.Inputs[0].ElementType == ElementType.Float64 ? ScalarType.Float64 : ScalarType.Float32;
        if (seed is null)
        {
            return randn(size, type, Device);
        }

        // Drawn on the CPU, whose generator a seed reproduces on every machine, then moved.
        using var generator = new Generator((ulong)seed.Value);
        using var drawn = randn(size, type, CPU, generator: generator);
        return drawn.to(Device);
    }

    /// <summary>Generates <paramref name="count"/> samples from fresh latent vectors (seeded by <paramref name="seed"/> when given), in inference mode.</summary>
    public Tensor Generate(int count, long? seed = null)
    {
        using var scope = NewDisposeScope();
        return Generate(SampleLatent(count, seed)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException"><paramref name="latent"/> is not a batch of latent vectors.</exception>
    public Tensor Generate(Tensor latent)
    {
        ArgumentNullException.ThrowIfNull(latent);
        if (!LatentShape.Matches(latent))
        {
            throw new ArgumentException($"The generator {Generator.Description.Name} takes latent vectors of shape {LatentShape}; got a tensor of shape {Shape.Format(latent.shape)}.", nameof(latent));
        }

        lock (_core.Gate)
        {
            var wasTraining = Generator.training;
            Generator.eval();
            try
            {
                using var noGrad = no_grad();
                return Generator.Run([latent.to(Device)])[0];
            }
            finally
            {
                Generator.train(wasTraining);
            }
        }
    }

    /// <summary>Disposes both networks with their optimizer state.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _core.Dispose();

            // Each part frees its own optimizer state with its parameters.
            Generator.Dispose();
            Discriminator.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void OneInputOneOutput(NetworkDescription description, string role, string parameter)
    {
        if (description.Inputs.Count != 1 || description.Outputs.Count != 1)
        {
            throw new ArgumentException(
                $"The {role} {description.Name} has {description.Inputs.Count} inputs and {description.Outputs.Count} outputs; a GAN's {role} has one of each.",
                parameter);
        }
    }

    private static Tensor Labels(Tensor like, bool isReal) => isReal ? ones_like(like) : zeros_like(like);

    private sealed class FrozenParameters(List<TorchSharp.Modules.Parameter> parameters) : IDisposable
    {
        private bool _restored;

        public IDisposable Freeze()
        {
            parameters.ForEach(static p => p.requires_grad = false);
            return this;
        }

        public void Dispose()
        {
            if (!_restored)
            {
                parameters.ForEach(static p => p.requires_grad = true);
                _restored = true;
            }
        }
    }
}
