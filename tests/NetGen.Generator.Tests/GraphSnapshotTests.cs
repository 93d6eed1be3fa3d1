using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>Generated code for every layer kind and for graphs (From, Add, Concatenate).</summary>
public sealed class GraphSnapshotTests
{
    [Fact]
    public void EveryLayerKind()
    {
        var source = FuzzSeed("EveryLayerKind");

        var run = GeneratedCode.Verify(new[] { source });

        // The output's softmax is its own module: trained from logits, its input is the logits.
        Assert.Contains("var probabilities = logits ? logits2.alias() : _probabilities.call(logits2);", run.Source("Shop.Models.Everything.g.cs"));
    }

    [Fact]
    public void LambdaLayers()
    {
        // The VAE's sampling: a method whose parameters name the layers it reads, called in forward
        // in graph order, with no field, construction or property; one declares its shape, one does not.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Shop.Generative;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(8)]
            public partial class Sampler
            {
                [Dense(4, Activation.ReLU)] public partial Linear Hidden { get; }
                [Dense(2)] public partial Linear Mean { get; }
                [Dense(2, From = nameof(Hidden))] public partial Linear LogVariance { get; }
                [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor logVariance) => mean + exp(0.5 * logVariance) * randn_like(mean);
                [Lambda] private static Tensor Doubled(Tensor sample) => sample * 2;
                [Reshape(2)] public partial NetGen.Layers.Reshape Declared { get; }
                [Dense(8, Activation.Sigmoid)] public partial Linear Decoded { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var sampler = run.Source("Shop.Generative.Sampler.g.cs");
        Assert.Contains("var sample = Sample(mean, logVariance);", sampler);
        Assert.Contains("var doubled = Doubled(sample);", sampler);
        Assert.DoesNotContain("_sample", sampler);
        Assert.DoesNotContain("register_module(\"Sample\"", sampler);
    }

    [Fact]
    public void CustomLayers()
    {
        // A user's modules as layers: one built by its parameterless constructor with a declared shape
        // (checked when forward calls it), one by a factory given the input shape, whose output is known
        // only at run time and which the description sizes with its ComputeOutputShape.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Shop.Custom;

            public sealed class Gate : nn.Module<Tensor, Tensor>
            {
                private readonly Linear _gate;

                public Gate() : this(6) { }

                public Gate(long features) : base(nameof(Gate))
                {
                    _gate = nn.Linear(features, features);
                    RegisterComponents();
                }

                public static long[] ComputeOutputShape(long[] inputShape) => inputShape;

                public override Tensor forward(Tensor input) => input * sigmoid(_gate.call(input));
            }

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(6)]
            public partial class Gated
            {
                [CustomLayer(OutputShape = [6])] public partial Gate First { get; }
                [CustomLayer(Factory = nameof(CreateGate))] public partial Gate Second { get; }
                [Reshape(6)] public partial NetGen.Layers.Reshape Known { get; }
                [Dense(1)] public partial Linear Output { get; }

                private static Gate CreateGate(long[] inputShape) => new(inputShape[^1]);
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var gated = run.Source("Shop.Custom.Gated.g.cs");
        Assert.Contains("static () => new global::Shop.Custom.Gate()", gated);
        Assert.Contains("static () => CreateGate(new long[] { 6 })", gated);
        Assert.Contains("global::NetGen.Layers.CustomLayers.CheckOutput(_first.call(input), \"First\", 6)", gated);
        Assert.Contains("global::Shop.Custom.Gate.ComputeOutputShape(new long[] { 6 })", gated);
        Assert.Contains("Total params: 7 + ?", gated);
    }

    [Fact]
    public void LossTerms()
    {
        // The VAE's losses: terms computed in forward only while a step collects them, not layers of
        // the description; the network has no compiled loss.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;

            namespace Shop.Generative;

            [Network]
            [Input(4)]
            public partial class Autoencoder
            {
                [Dense(2)] public partial Linear Mean { get; }
                [Dense(2, From = "input")] public partial Linear LogVariance { get; }
                [Lambda(OutputShape = [2])] private Tensor Sample(Tensor mean, Tensor logVariance) => mean + exp(0.5 * logVariance) * randn_like(mean);
                [Dense(4, Activation.Sigmoid)] public partial Linear Decoded { get; }
                [LossTerm("kl_loss")] private static Tensor Kl(Tensor mean, Tensor logVariance) => (-0.5 * (1 + logVariance - mean.square() - logVariance.exp()).sum(1)).mean();
                [LossTerm("reconstruction_loss")] private static Tensor Reconstruction(Tensor input, Tensor decoded) => nn.functional.binary_cross_entropy(decoded, input);
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var autoencoder = run.Source("Shop.Generative.Autoencoder.g.cs");
        Assert.Contains("global::NetGen.LossTerms.Add(this, \"kl_loss\", Kl(mean, logVariance));", autoencoder);
        Assert.Contains("lossTerms: [\"kl_loss\", \"reconstruction_loss\"]", autoencoder);
        Assert.DoesNotContain("\"Kl\"", autoencoder);
    }

    [Fact]
    public void RecurrentLayers()
    {
        // The fuzz seed of the sequence layers: a masking embedding whose token ids the recurrent
        // layers after it receive, and a decoder that starts from its encoder's final state.
        var source = FuzzSeed("Recurrent");

        var run = GeneratedCode.Verify(new[] { source });

        var classifier = run.Source("Shop.Text.ReviewClassifier.g.cs");
        Assert.Contains("_words = global::TorchSharp.torch.nn.Embedding(5000, 32, padding_idx: 0L, ", classifier);
        Assert.Contains("var memory = _memory.Run(gated, tokens: tokens);", classifier);
        var seq2seq = run.Source("Shop.Text.Seq2Seq.g.cs");
        Assert.Contains("var encoder = _encoder.Run(source, tokens: null, initialState: null, out var encoderState);", seq2seq);
        Assert.Contains("var decoder = _decoder.Run(target, initialState: encoderState);", seq2seq);
        Assert.Contains("encoderState.Dispose();", seq2seq);
    }

    [Fact]
    public void MaskedSequenceLayers()
    {
        // Keras's masks beyond the recurrent layers: the poolings and the attention layers after a
        // masking embedding receive its token ids (the query's and the value's apart), and causal
        // self-attention for a decoder.
        const string source = """
            using NetGen;
            using NetGen.Layers;
            using TorchSharp.Modules;

            namespace Shop.Text;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input("question", ElementType = ElementType.Int64, Name = "question")]
            [Input("passage", ElementType = ElementType.Int64, Name = "passage")]
            public partial class AnswerFinder
            {
                [Embedding(1000, 16, MaskZero = true, From = "question")] public partial Embedding Query { get; }
                [Embedding(1000, 16, MaskZero = true, From = "passage")] public partial Embedding Passage { get; }
                [Attention(nameof(Query), nameof(Passage))] public partial Attention Attended { get; }
                [MultiHeadAttention(2, 8, nameof(Attended), nameof(Attended), UseCausalMask = true)] public partial MultiHeadAttention SelfAttended { get; }
                [GlobalAveragePooling1D] public partial GlobalAveragePooling1D Mean { get; }
                [GlobalMaxPooling1D(From = nameof(Passage))] public partial GlobalMaxPooling1D Strongest { get; }
                [Concatenate(nameof(Mean), nameof(Strongest))] public partial Concatenate Both { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Answer { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var code = run.Source("Shop.Text.AnswerFinder.g.cs");
        Assert.Contains("var attended = _attended.Run(query, passage2, queryTokens: question, valueTokens: passage);", code);
        Assert.Contains("_selfAttended.Run(attended, attended, queryTokens: question, valueTokens: question);", code);
        Assert.Contains("useCausalMask: true", code);
        Assert.Contains("var mean = _mean.Run(selfAttended, tokens: question);", code);
        Assert.Contains("var strongest = _strongest.Run(passage2, tokens: passage);", code);
    }

    [Fact]
    public void ImageLayers()
    {
        // The fuzz seed of the image layers: Same padding TorchSharp pads itself (stride 1, odd
        // kernel) and Same padding done at run time (a stride of 2, an even kernel, pooling).
        var source = FuzzSeed("ImageLayers");

        var run = GeneratedCode.Verify(new[] { source });

        var code = run.Source("Shop.Vision.ImageLayers.g.cs");
        Assert.Contains("Conv2d(1, 8, 3, stride: 1, padding: 1L, dilation: 1, groups: 1, bias: true", code);
        Assert.Contains("global::NetGen.Layers.SamePadding.Apply(_conv2, conv1, 3, 2)", code);
        Assert.Contains("global::NetGen.Layers.SamePadding.Average(_pool2, ", code);
    }

    [Fact]
    public void ImageDecoder()
    {
        // The fuzz seed of the layers that grow, pad, crop and convolve sequences: TorchSharp's
        // modules where they fit, run-time padding and cropping where Keras's sizes need it.
        var source = FuzzSeed("ImageDecoder");

        var run = GeneratedCode.Verify(new[] { source });

        var segmenter = run.Source("Shop.Vision.Segmenter.g.cs");
        Assert.Contains("ZeroPad2d((2, 3, 1, 1))", segmenter);
        Assert.Contains("Conv2d(3, 8, (3L, 5L), stride: (1L, 2L), padding: (0L, 0L), dilation: (1L, 1L)", segmenter);
        Assert.Contains("global::NetGen.Layers.Activations.Softmax(", segmenter);
        Assert.Contains("axis: 1)", segmenter);
        var signal = run.Source("Shop.Vision.SignalNet.g.cs");
        Assert.Contains("global::NetGen.Layers.StepPadding.Causal(_causal, input, 9)", signal);
        Assert.Contains("global::NetGen.Layers.StepPadding.Same(_halve, ", signal);
        Assert.Contains("global::NetGen.Layers.ChannelsFirst.Apply(_grouped, ", signal);
    }

    [Fact]
    public void Backbone()
    {
        // A TorchVision model as a member: built from the seeded generator, 512 features into the head.
        var source = FuzzSeed("Backbone");

        var run = GeneratedCode.Verify(new[] { source });

        var code = run.Source("Shop.Vision.ProductPhotos.g.cs");
        Assert.Contains("_features = new global::NetGen.Layers.Backbone(global::NetGen.BackboneArchitecture.ResNet18, device, dtype, generator);", code);
        Assert.Contains("global::TorchSharp.torch.nn.Linear(512, 5, ", code);
    }

    [Fact]
    public void ResidualAndWideGraph()
    {
        var source = FuzzSeed("ResidualAndWideGraph");

        var run = GeneratedCode.Verify(new[] { source });
        Assert.Contains("new global::NetGen.Layers.Concatenate(1)", run.Source("WideAndDeep.g.cs"));
    }

    [Fact]
    public void NestedNetwork()
    {
        var source = FuzzSeed("NestedNetwork");

        GeneratedCode.Verify(new[] { source });
    }

    [Fact]
    public void SubNetworks()
    {
        // Networks as layers of other networks: an autoencoder of an encoder and a decoder, a
        // Siamese network calling one multi-output network on two inputs and taking one output, and
        // a two-input sub-network called twice with one instance.
        var source = FuzzSeed("SubNetworks");

        var run = GeneratedCode.Verify(new[] { source });

        var autoencoder = run.Source("Lab.Composition.Autoencoder.g.cs");
        Assert.Contains("_encode = new global::Lab.Composition.Encoder(device, dtype, global::NetGen.Initializers.Seed(generator));", autoencoder);
        Assert.Contains("base.register_module(\"Encode\", _encode);", autoencoder);

        // Encoder 784*256+256 + 256*64+64 = 217,408; decoder 64*256+256 + 256*784+784 = 218,128.
        Assert.Contains("public const long ParameterCount = 435536;", autoencoder);
        Assert.Contains("Encode (Encoder)", autoencoder);

        var siamese = run.Source("Lab.Composition.Siamese.g.cs");
        Assert.Contains("_right = _left;", siamese);
        Assert.DoesNotContain("register_module(\"Right\"", siamese);
        Assert.Contains("var right2 = global::NetGen.SubNetworkOutputs.Take(_right.call(right), static outputs => outputs.Mean);", siamese);

        // Heads: 8*16+16 + 16*2+2 + 16*2+2 = 212, counted once; the Dense after it 4+1.
        Assert.Contains("public const long ParameterCount = 217;", siamese);

        // The decoder's sigmoid is the autoencoder's output activation: training runs the decoder's logits.
        Assert.Contains("global::NetGen.Activation.Sigmoid)", autoencoder);
        Assert.Contains("var decode = logits ? global::NetGen.SubNetworkOutputs.Logits(_decode, 0, encode) : _decode.call(encode);", autoencoder);

        // A sub-network with two inputs, bound in its order; the shared one takes the first's output.
        var reranker = run.Source("Lab.Composition.Reranker.g.cs");
        Assert.Contains("var read = global::NetGen.SubNetworkOutputs.Take(_read.call(question, passage), static outputs => outputs.Features);", reranker);
        Assert.Contains("logits ? global::NetGen.SubNetworkOutputs.Logits(_score, 1, read, other) : global::NetGen.SubNetworkOutputs.Take(_score.call(read, other), static outputs => outputs.Relevance);", reranker);
        Assert.Contains("new global::NetGen.OutputDescription(\"Score\", new global::NetGen.Shape(1), global::NetGen.Activation.Sigmoid)", reranker);
    }

    [Fact]
    public void DeclarationWithErrorsGetsPlaceholderMembers()
    {
        // Dense on an image: NG0101. The placeholder keeps user code compiling (no cascade of
        // CS9248 "partial property must have an implementation" or missing Fit errors).
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(2, 3, 4, 5, 6)]
            public partial class Broken
            {
                [Dense(10, Activation.ReLU)] public partial Linear Hidden { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }

            public static class Usage
            {
                public static object Use() => new Broken().Hidden;

                // The constructors the valid network would have, so these calls compile while the declaration is fixed.
                public static object Seeded() => new Broken(seed: 42);

                public static object Placed() => new Broken(TorchSharp.torch.CPU, TorchSharp.torch.ScalarType.Float64, 7);
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });
        Assert.Contains("throw new global::System.InvalidOperationException(DeclarationErrors)", run.Source("Broken.g.cs"));
    }

    [Fact]
    public void DeclaredFreezingAndGroups()
    {
        // Transfer learning: a frozen feature stack (a batch normalization among it) in a group, a
        // trainable classifier in another. The description carries both; the summary and the
        // constants count the frozen layers as non-trainable; the constructor freezes them.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            namespace Shop.Vision;

            [Network(Loss = Loss.SparseCategoricalCrossentropy)]
            [Input(1, 12, 12)]
            public partial class FineTuned
            {
                [Conv2D(4, 3, Activation.ReLU, Group = "features", Trainable = false)] public partial Conv2d Conv1 { get; }
                [BatchNormalization(Group = "features", Trainable = false)] public partial BatchNorm2d Norm1 { get; }
                [MaxPooling2D(2, Group = "features")] public partial MaxPool2d Pool1 { get; }
                [Flatten] public partial Flatten Flat { get; }
                [Dense(8, Activation.ReLU, Group = "classifier")] public partial Linear Hidden { get; }
                [Dense(3, Activation.Softmax, Group = "classifier")] public partial Linear Classes { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("Shop.Vision.FineTuned.g.cs");

        // Conv1 40 + Norm1 16 (8 statistics) + Hidden 8 * 100 + 8 + Classes 27: 891 in all, of which 835 train.
        Assert.Contains("public const long ParameterCount = 891;", generated);
        Assert.Contains("public const long TrainableParameterCount = 835;", generated);
        Assert.Contains("/// Non-trainable params: 56", generated);
        Assert.Contains("new global::NetGen.LayerDescription(\"Conv1\", \"Conv2D\", new global::NetGen.Shape(4, 10, 10), 40, 0, [\"input\"]) { Group = \"features\", Trainable = false },", generated);
        Assert.Contains("new global::NetGen.LayerDescription(\"Hidden\", \"Dense\", new global::NetGen.Shape(8), 808, 808, [\"Flat\"]) { Group = \"classifier\" },", generated);
        Assert.Contains("global::NetGen.NetworkFreezing.Freeze(this, _conv1, _norm1);", generated);
    }

    [Fact]
    public void SeveralInputsAndOutputs()
    {
        // The seed, and a caller that reads one output of the typed forward by name.
        var source = FuzzSeed("TwoHeads");
        const string usage = """
            public static class Usage
            {
                public static TorchSharp.torch.Tensor Price(TwoHeads network, TorchSharp.torch.Tensor wide, TorchSharp.torch.Tensor deep) => network.forward(wide, deep).Price;
            }
            """;

        var run = GeneratedCode.Verify(new[] { source, usage });

        var generated = run.Source("TwoHeads.g.cs");
        Assert.Contains("partial class TwoHeads : global::NetGen.Network<global::TorchSharp.torch.Tensor, global::TorchSharp.torch.Tensor, global::TwoHeads.Outputs>", generated);
        Assert.Contains("return new Outputs(price, logits ? kind : global::NetGen.Layers.Activations.Sigmoid(kind));", generated);
    }

    [Fact]
    public void SequenceLayers()
    {
        // The fuzz seed of the sequence layers: attention over a named number of steps, self-attention
        // (one member as query and value), pooling the steps away, and RepeatVector feeding a Dense per step.
        var source = FuzzSeed("SequenceLayers");

        var run = GeneratedCode.Verify(new[] { source });

        var reader = run.Source("Shop.Text.Reader.g.cs");
        Assert.Contains("new global::NetGen.Layers.MultiHeadAttention(queryFeatures: 16, valueFeatures: 16, numHeads: 2, keyDim: 8, valueDim: 8, dropout: 0.1, useBias: true, ", reader);
        Assert.Contains("_selfAttention.call(norm, norm)", reader);
        Assert.Contains("global::TorchSharp.torch.nn.LayerNorm(16, eps: 0.001, ", reader);
        // 144 + 32 + 4 * (16 * 16 + 16) (MultiHeadAttention) + 1 (scale) + 16 (additive scale) + 33.
        Assert.Contains("public const long ParameterCount = 1314;", reader);
        var repeater = run.Source("Shop.Text.Repeater.g.cs");
        Assert.Contains("new global::NetGen.Layers.RepeatVector(4)", repeater);
        Assert.Contains("scoreMode: global::NetGen.ScoreMode.Concat", repeater);
    }

    [Fact]
    public void NoiseLayers()
    {
        // The fuzz seed of the noise layers: a denoising autoencoder corrupting its input with
        // GaussianNoise and its code with GaussianDropout, NetGen's own modules with no parameters.
        var source = FuzzSeed("NoiseLayers");

        var run = GeneratedCode.Verify(new[] { source });

        var code = run.Source("Shop.Vision.DenoisingAutoencoder.g.cs");
        Assert.Contains("_corrupt = new global::NetGen.Layers.GaussianNoise(0.5);", code);
        Assert.Contains("_shake = new global::NetGen.Layers.GaussianDropout(0.2);", code);
        Assert.Contains("_corrupt.call(input)", code);
        // 784 * 256 + 256 + 256 * 64 + 64 + 64 * 256 + 256 + 256 * 784 + 784: the noise layers add nothing.
        Assert.Contains("public const long ParameterCount = 435536;", code);
    }

    [Fact]
    public void SequenceWithANamedLength()
    {
        var source = FuzzSeed("Tagger");

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("Tagger.g.cs");
        Assert.Contains("new global::NetGen.Shape(global::NetGen.Dimension.Named(\"steps\"), 8)", generated);
        Assert.Contains("global::NetGen.Layers.ChannelsFirst.Apply(_norm, encode)", generated);
        Assert.Contains("public const long ParameterCount = 293;", generated);
    }

    [Fact]
    public void AnUnusedLayerIsBuiltButNotRun()
    {
        // The review's case: Tail reads the output. The output stays Out, and Tail is registered
        // (its weights load) but forward does not compute it.
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError)]
            [Input(4)]
            public partial class Dangling
            {
                [Dense(3)] public partial Linear A { get; }
                [Dense(5, From = nameof(Out))] public partial Linear Tail { get; }
                [Dense(2, From = nameof(A))] public partial Linear Out { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("Dangling.g.cs");
        Assert.Contains("base.register_module(\"Tail\", _tail);", generated);
        Assert.DoesNotContain("_tail.call", generated);
        Assert.Contains("new global::NetGen.OutputDescription(\"Out\", new global::NetGen.Shape(2)", generated);
    }

    [Fact]
    public void GeneratedNamesAvoidTheUsersMembers()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.BinaryCrossentropy)]
            [Input(4, Name = "in")]
            public partial class @class
            {
                private int _hidden;
                private static readonly int s_description = 1;
                private int Forward() => _hidden + s_description;

                [Dense(3, From = "in")] public partial Linear Hidden { get; }
                [Dense(3)] public virtual partial Linear hidden { get; }
                [Dense(2)] partial Linear @int { get; }
                [Add(nameof(@int), nameof(@int))] internal partial NetGen.Layers.Add Twice { get; }
                [Dense(1, Activation.Sigmoid)] public partial Linear Output { get; }
            }
            """;

        var run = GeneratedCode.Verify(new[] { source });

        var generated = run.Source("class.g.cs");
        Assert.Contains("private readonly global::TorchSharp.Modules.Linear _hidden2;", generated);
        Assert.Contains("private readonly global::TorchSharp.Modules.Linear _hidden3;", generated);
        Assert.Contains("public virtual partial global::TorchSharp.Modules.Linear hidden { get => _hidden3; }", generated);
        Assert.Contains("partial global::TorchSharp.Modules.Linear @int { get => _int; }", generated);
        Assert.Contains("private static readonly global::NetGen.NetworkDescription s_description2 = new(", generated);
        Assert.Contains("forward(global::TorchSharp.torch.Tensor @in) => Forward2(@in, logits: false);", generated);
    }

    [Fact]
    public void AConfigurationErrorKeepsTheModule()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network(Loss = Loss.MeanSquaredError, LearningRate = 0)]
            [Input(4)]
            public partial class Misconfigured
            {
                [Dense(1)] public partial Linear Output { get; }
            }
            """;

        GeneratedCode.Verify(new[] { source });
    }

    [Fact]
    public void DeclarationsNetGenCannotCompleteStillCompile()
    {
        const string source = """
            using NetGen;
            using TorchSharp.Modules;

            [Network] [Input(4)] public partial record AsRecord { [Dense(1)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Generic<T> { [Dense(1)] public partial Linear A { get; } }
            [Network] [Input(4)] public partial class Derived : System.Collections.Generic.List<int> { [Dense(1)] public partial Linear A { get; } }

            public static class Usage
            {
                public static object Use() => (new AsRecord().A, new Generic<int>().A, new Derived().A);
            }
            """;

        var run = GeneratedCode.Verify(new[] { source }, strict: false);

        // The placeholders compile; the generator itself explains why each network is one (NG0013, at its name).
        Assert.Empty(run.Errors());
        Assert.Equal(
            new[] { "NG0013 (4,44)", "NG0013 (5,43)", "NG0013 (6,43)" },
            run.GeneratorDiagnostics.Select(static d => $"{d.Id} ({d.Location.GetLineSpan().StartLinePosition.Line + 1},{d.Location.GetLineSpan().StartLinePosition.Character + 1})").OrderBy(static s => s, System.StringComparer.Ordinal));
    }

    /// <summary>
    /// A network of the fuzz corpus (<c>tests/NetGen.Analyzers.Tests/Fuzz/Seeds</c>): the snapshot
    /// tests read the seeds, so the fuzzer mutates exactly the networks whose code is reviewed here.
    /// </summary>
    private static string FuzzSeed(string name) =>
        System.IO.File.ReadAllText(System.IO.Path.Combine(Snapshot.RepositoryRoot, "tests", "NetGen.Analyzers.Tests", "Fuzz", "Seeds", name + ".cs"));
}
