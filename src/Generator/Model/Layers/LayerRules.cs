using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Layers;

/// <summary>The rule of each layer kind; asking for an unknown kind is a bug, not a fallback.</summary>
internal static class LayerRules
{
    private static readonly LayerRule s_dense = new DenseLayer();
    private static readonly LayerRule s_dropout = new DropoutLayer();
    private static readonly LayerRule s_batchNormalization = new BatchNormalizationLayer();
    private static readonly LayerRule s_activation = new ActivationLayer();
    private static readonly LayerRule s_flatten = new FlattenLayer();
    private static readonly LayerRule s_add = new AddLayer();
    private static readonly LayerRule s_concatenate = new ConcatenateLayer();
    private static readonly LayerRule s_reshape = new ReshapeLayer();
    private static readonly LayerRule s_permute = new PermuteLayer();
    private static readonly LayerRule s_conv2D = new Conv2DLayer();
    private static readonly LayerRule s_maxPooling2D = new MaxPooling2DLayer();
    private static readonly LayerRule s_averagePooling2D = new AveragePooling2DLayer();
    private static readonly LayerRule s_globalAveragePooling2D = new GlobalAveragePooling2DLayer();
    private static readonly LayerRule s_globalMaxPooling2D = new GlobalMaxPooling2DLayer();
    private static readonly LayerRule s_conv1D = new Conv1DLayer();
    private static readonly LayerRule s_conv2DTranspose = new Conv2DTransposeLayer();
    private static readonly LayerRule s_zeroPadding2D = new ZeroPadding2DLayer();
    private static readonly LayerRule s_cropping2D = new Cropping2DLayer();
    private static readonly LayerRule s_upSampling2D = new UpSampling2DLayer();
    private static readonly LayerRule s_spatialDropout2D = new SpatialDropout2DLayer();
    private static readonly LayerRule s_backbone = new BackboneLayer();
    private static readonly LayerRule s_embedding = new EmbeddingLayer();
    private static readonly LayerRule s_simpleRNN = new SimpleRNNLayer();
    private static readonly LayerRule s_lstm = new LSTMLayer();
    private static readonly LayerRule s_gru = new GRULayer();
    private static readonly LayerRule s_repeatVector = new RepeatVectorLayer();
    private static readonly LayerRule s_layerNormalization = new LayerNormalizationLayer();
    private static readonly LayerRule s_globalAveragePooling1D = new GlobalAveragePooling1DLayer();
    private static readonly LayerRule s_globalMaxPooling1D = new GlobalMaxPooling1DLayer();
    private static readonly LayerRule s_attention = new AttentionLayer();
    private static readonly LayerRule s_additiveAttention = new AdditiveAttentionLayer();
    private static readonly LayerRule s_multiHeadAttention = new MultiHeadAttentionLayer();
    private static readonly LayerRule s_gaussianNoise = new GaussianNoiseLayer();
    private static readonly LayerRule s_gaussianDropout = new GaussianDropoutLayer();
    private static readonly LayerRule s_lambda = new LambdaLayer();
    private static readonly LayerRule s_lossTerm = new LossTermLayer();
    private static readonly LayerRule s_subNetwork = new SubNetworkLayer();
    private static readonly LayerRule s_customLayer = new CustomLayerLayer();

    public static LayerRule For(LayerKind kind) => kind switch
    {
        LayerKind.Dense => s_dense,
        LayerKind.Dropout => s_dropout,
        LayerKind.BatchNormalization => s_batchNormalization,
        LayerKind.Activation => s_activation,
        LayerKind.Flatten => s_flatten,
        LayerKind.Add => s_add,
        LayerKind.Concatenate => s_concatenate,
        LayerKind.Reshape => s_reshape,
        LayerKind.Permute => s_permute,
        LayerKind.Conv2D => s_conv2D,
        LayerKind.MaxPooling2D => s_maxPooling2D,
        LayerKind.AveragePooling2D => s_averagePooling2D,
        LayerKind.GlobalAveragePooling2D => s_globalAveragePooling2D,
        LayerKind.GlobalMaxPooling2D => s_globalMaxPooling2D,
        LayerKind.Conv1D => s_conv1D,
        LayerKind.Conv2DTranspose => s_conv2DTranspose,
        LayerKind.ZeroPadding2D => s_zeroPadding2D,
        LayerKind.Cropping2D => s_cropping2D,
        LayerKind.UpSampling2D => s_upSampling2D,
        LayerKind.SpatialDropout2D => s_spatialDropout2D,
        LayerKind.Backbone => s_backbone,
        LayerKind.Embedding => s_embedding,
        LayerKind.SimpleRNN => s_simpleRNN,
        LayerKind.LSTM => s_lstm,
        LayerKind.GRU => s_gru,
        LayerKind.RepeatVector => s_repeatVector,
        LayerKind.LayerNormalization => s_layerNormalization,
        LayerKind.GlobalAveragePooling1D => s_globalAveragePooling1D,
        LayerKind.GlobalMaxPooling1D => s_globalMaxPooling1D,
        LayerKind.Attention => s_attention,
        LayerKind.AdditiveAttention => s_additiveAttention,
        LayerKind.MultiHeadAttention => s_multiHeadAttention,
        LayerKind.GaussianNoise => s_gaussianNoise,
        LayerKind.GaussianDropout => s_gaussianDropout,
        LayerKind.Lambda => s_lambda,
        LayerKind.LossTerm => s_lossTerm,
        LayerKind.SubNetwork => s_subNetwork,
        LayerKind.CustomLayer => s_customLayer,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "No rule for this layer kind; add one to LayerRules.For."),
    };

    /// <summary>Every kind's rule, in <see cref="LayerKind"/> order.</summary>
    public static IReadOnlyList<LayerRule> All { get; } = Enum.GetValues(typeof(LayerKind)).Cast<LayerKind>().Select(For).ToList();
}
