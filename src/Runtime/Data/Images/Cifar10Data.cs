using System;

namespace NetGen.Data;

/// <summary>CIFAR-10's training batches (joined) and test batch, read by <see cref="Cifar10.Load"/>.</summary>
/// <param name="Train">Images of <c>data_batch_1.bin</c> to <c>data_batch_5.bin</c>, (samples, 3, 32, 32), and their labels.</param>
/// <param name="Test">Images and labels of <c>test_batch.bin</c>: keep them for the final evaluation.</param>
/// <param name="Directory">The directory the batches were read from.</param>
public sealed record Cifar10Data(LabeledImages Train, LabeledImages Test, string Directory) : IDisposable
{
    /// <summary>Frees the tensors of both splits.</summary>
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }
}
