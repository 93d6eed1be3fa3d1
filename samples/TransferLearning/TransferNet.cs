using NetGen;
using TorchSharp.Modules;

namespace NetGen.Samples.TransferLearning;

/// <summary>
/// The guide's transfer-learning network (Keras's <c>mnist_transfer_cnn</c>): a feature stack of
/// two 3 × 3 convolutions, 2 × 2 max pooling and dropout, and a classifier of a 128-unit dense
/// layer, dropout and a five-way softmax. The two parts are declared as groups, so the feature
/// stack can be frozen by name once it has learned the first five classes.
/// Spatial sizes: 28 -> 26 -> 24 -> 12, so the classifier sees 32 × 12 × 12 = 4,608 features.
/// </summary>
// The guide compiles it with Adadelta at Keras 2's default learning rate of 1.0.
[Network(
    Loss = Loss.SparseCategoricalCrossentropy,
    Metrics = [Metric.Accuracy],
    Optimizer = OptimizerKind.Adadelta,
    LearningRate = 1.0)]
[Input(1, 28, 28)]
public partial class TransferNet
{
    /// <summary>The group of layers that learn image features, frozen for the second task.</summary>
    public const string Features = "features";

    /// <summary>The group of layers that map features to classes, retrained for the second task.</summary>
    public const string Classifier = "classifier";

    [Conv2D(32, 3, Activation.ReLU, Group = Features)]
    public partial Conv2d Conv1 { get; }

    [Conv2D(32, 3, Activation.ReLU, Group = Features)]
    public partial Conv2d Conv2 { get; }

    [MaxPooling2D(2, Group = Features)]
    public partial MaxPool2d Pool { get; }

    [Dropout(0.25, Group = Features)]
    public partial Dropout Drop1 { get; }

    [Flatten(Group = Features)]
    public partial Flatten Flat { get; }

    [Dense(128, Activation.ReLU, Group = Classifier)]
    public partial Linear Hidden { get; }

    [Dropout(0.5, Group = Classifier)]
    public partial Dropout Drop2 { get; }

    [Dense(5, Activation.Softmax, Group = Classifier)]
    public partial Linear Output { get; }
}
