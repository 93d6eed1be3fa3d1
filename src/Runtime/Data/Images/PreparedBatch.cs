using NetGen.Training;
using static TorchSharp.torch;

namespace NetGen.Data.Images;

/// <summary>A batch a worker made, with the tensors it owns (freed when the batch is done with).</summary>
internal sealed record PreparedBatch(Batch Batch, Tensor[] Tensors)
{
    public void Dispose()
    {
        foreach (var tensor in Tensors)
        {
            tensor.Dispose();
        }
    }
}
