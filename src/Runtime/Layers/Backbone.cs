using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.IO;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Layers;

/// <summary>
/// A TorchVision model without its classifier head, followed by global average pooling (the
/// module behind <see cref="BackboneAttribute"/>): (batch, 3, height, width) images become
/// (batch, <see cref="OutputFeatures"/>) vectors. The kept modules are TorchVision's own, under
/// TorchVision's names (<c>conv1</c>, <c>layer1.0.bn1</c>, <c>features.0</c>...), so a PyTorch
/// <c>state_dict</c> of the same model loads into it, its head's tensors skipped
/// (<see cref="LoadTorchVisionWeights"/>).
/// </summary>
public sealed class Backbone : nn.Module<Tensor, Tensor>
{
    private readonly List<nn.Module<Tensor, Tensor>> _stages = new();
    // Registered as TorchVision names it, also when a parent registers this module's fields.
    [TorchSharp.Utils.ComponentName(Name = "avgpool")]
    private readonly AdaptiveAvgPool2d _pool;

    /// <summary>
    /// Builds the model and initializes it as TorchVision does: convolution kernels from a
    /// normal distribution with Kaiming's fan-out standard deviation <c>sqrt(2 / fan_out)</c>,
    /// convolution biases zero, batch-normalization scales one and shifts zero.
    /// </summary>
    /// <param name="architecture">The TorchVision model.</param>
    /// <param name="device">Where the parameters live; the CPU when null.</param>
    /// <param name="dtype">The parameters' floating-point type; float32 when null.</param>
    /// <param name="generator">The generator the initialization draws from; TorchSharp's global one when null.</param>
    public Backbone(BackboneArchitecture architecture, Device? device = null, ScalarType? dtype = null, Generator? generator = null)
        : base(nameof(Backbone))
    {
        var (model, stages, head, features) = Create(architecture);

        Architecture = architecture;
        OutputFeatures = features;
        HeadPrefix = head + ".";
        var children = model.named_children().ToDictionary(static child => child.name, static child => child.module, StringComparer.Ordinal);
        foreach (var name in stages)
        {
            var stage = (nn.Module<Tensor, Tensor>)children[name];
            _stages.Add(stage);
            register_module(name, stage);
        }

        // The head (and VGG's 7 x 7 pooling, which global pooling replaces) is not kept. The
        // TorchVision container itself is not disposed: its Dispose would dispose the kept stages.
        foreach (var (name, child) in children)
        {
            if (!stages.Contains(name))
            {
                child.Dispose();
            }
        }

        // TorchVision's ResNet already names its global pooling "avgpool"; the other models get the same name.
        _pool = nn.AdaptiveAvgPool2d(1);
        register_module("avgpool", _pool);
        Initialize(generator);
        if (dtype is { } type)
        {
            this.to(type);
        }

        if (device is not null)
        {
            this.to(device);
        }
    }

    /// <summary>The TorchVision model.</summary>
    public BackboneArchitecture Architecture { get; }

    /// <summary>The length of the feature vector the backbone outputs (512 for ResNet18).</summary>
    public int OutputFeatures { get; }

    /// <summary>
    /// The prefix of the dropped head's tensors in a TorchVision <c>state_dict</c>
    /// (<c>fc.</c> for ResNets, <c>classifier.</c> for VGG and MobileNets).
    /// </summary>
    public string HeadPrefix { get; }

    /// <inheritdoc />
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input;
        foreach (var stage in _stages)
        {
            x = stage.call(x);
        }

        return _pool.call(x).flatten(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Loads a TorchVision <c>state_dict</c> of the same architecture, saved from PyTorch as
    /// safetensors (or by TorchSharp's <c>Module.save</c>), with TorchVision's key names
    /// (<c>conv1.weight</c>, <c>layer1.0.bn1.running_mean</c>...). The head's tensors
    /// (<see cref="HeadPrefix"/>) are skipped and listed as such. Strict, anything else that
    /// does not fit (a missing or unexpected key, a shape or type that differs) throws and
    /// nothing is loaded; otherwise what fits is loaded and the rest is reported.
    /// </summary>
    /// <param name="path">A <c>.safetensors</c> file, or a TorchSharp weights file for any other extension.</param>
    /// <param name="strict">Whether every tensor of the backbone must be in the file and every tensor of the file, the head's apart, in the backbone.</param>
    /// <returns>What was loaded, skipped and left out.</returns>
    /// <exception cref="System.IO.FileNotFoundException">The file does not exist, or the path is a directory.</exception>
    /// <exception cref="System.IO.InvalidDataException">The file is truncated, inconsistent or not in the format its extension says.</exception>
    /// <exception cref="WeightsMismatchException">Strict, and something does not fit; nothing was loaded.</exception>
    public WeightsLoadReport LoadTorchVisionWeights(string path, bool strict = true) =>
        StateDictLoading.Load(this, "Backbone " + Architecture, path, strict, HeadPrefix);

    /// <summary>
    /// TorchVision's initialization of the kept modules (its <c>resnet.py</c>, <c>vgg.py</c> and
    /// <c>mobilenetv2.py</c>/<c>mobilenetv3.py</c> agree on it), drawn from <paramref name="generator"/>
    /// so a seeded network is reproducible. <c>kaiming_normal_(mode="fan_out", nonlinearity="relu")</c>
    /// is a normal distribution with standard deviation <c>sqrt(2) / sqrt(fan_out)</c>, where
    /// <c>fan_out</c> is the output channels times the kernel's area (groups do not divide it).
    /// </summary>
    private void Initialize(Generator? generator)
    {
        using var noGrad = no_grad();
        foreach (var module in modules())
        {
            switch (module)
            {
                case Conv2d convolution:
                    var weight = convolution.weight!;
                    var fanOut = weight.shape[0] * weight.shape[2] * weight.shape[3];
                    // Tensor.normal_, not nn.init.normal_: TorchSharp 0.107's init.normal_ ignores its generator.
                    weight.normal_(0, Math.Sqrt(2.0 / fanOut), generator);
                    convolution.bias?.zero_();
                    break;
                case BatchNorm2d normalization:
                    normalization.weight!.fill_(Scalars.One);
                    normalization.bias!.zero_();
                    break;
            }
        }
    }

    /// <summary>The whole TorchVision model, the names of its children that are kept (in order), its head's name and the backbone's output length.</summary>
    private static (nn.Module Model, string[] Stages, string Head, int Features) Create(BackboneArchitecture architecture) =>
        architecture switch
        {
            BackboneArchitecture.ResNet18 => ((nn.Module)torchvision.models.resnet18(), s_resNetStages, "fc", 512),
            BackboneArchitecture.ResNet34 => ((nn.Module)torchvision.models.resnet34(), s_resNetStages, "fc", 512),
            BackboneArchitecture.ResNet50 => ((nn.Module)torchvision.models.resnet50(), s_resNetStages, "fc", 2048),
            BackboneArchitecture.ResNet101 => ((nn.Module)torchvision.models.resnet101(), s_resNetStages, "fc", 2048),
            BackboneArchitecture.Vgg11 => ((nn.Module)torchvision.models.vgg11(), s_featureStages, "classifier", 512),
            BackboneArchitecture.Vgg11BatchNorm => ((nn.Module)torchvision.models.vgg11_bn(), s_featureStages, "classifier", 512),
            BackboneArchitecture.Vgg16 => ((nn.Module)torchvision.models.vgg16(), s_featureStages, "classifier", 512),
            BackboneArchitecture.Vgg16BatchNorm => ((nn.Module)torchvision.models.vgg16_bn(), s_featureStages, "classifier", 512),
            BackboneArchitecture.MobileNetV2 => ((nn.Module)torchvision.models.mobilenet_v2(), s_featureStages, "classifier", 1280),
            BackboneArchitecture.MobileNetV3Large => ((nn.Module)torchvision.models.mobilenet_v3_large(), s_featureStages, "classifier", 960),
            BackboneArchitecture.MobileNetV3Small => ((nn.Module)torchvision.models.mobilenet_v3_small(), s_featureStages, "classifier", 576),
            _ => throw new ArgumentOutOfRangeException(nameof(architecture), architecture, "Not a TorchVision model NetGen knows."),
        };

    private static readonly string[] s_resNetStages = { "conv1", "bn1", "relu", "maxpool", "layer1", "layer2", "layer3", "layer4" };

    private static readonly string[] s_featureStages = { "features" };
}
