using NetGen;
using NetGen.Layers;
using TorchSharp.Modules;

namespace Shop.Vision;

[Network(Loss = Loss.SparseCategoricalCrossentropy, Metrics = [Metric.Accuracy], Optimizer = OptimizerKind.Adam, LearningRate = 1e-4)]
[Input(3, 64, 64)]
public partial class ProductPhotos
{
    [Backbone(BackboneArchitecture.ResNet18)] public partial Backbone Features { get; }
    [Dropout(0.2)] public partial Dropout Drop { get; }
    [Dense(5, Activation.Softmax)] public partial Linear Classes { get; }
}
