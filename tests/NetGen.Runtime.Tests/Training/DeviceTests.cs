using System.Linq;
using NetGen.Runtime.Tests.Infrastructure;
using NetGen.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.TrainingSpecs;

/// <summary>The default device is chosen at run time and networks move there whole.</summary>
public sealed class DeviceTests
{
    [Fact]
    public void DefaultIsCudaOnlyWhenCudaIsAvailable()
    {
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, NetGen.Devices.Default.type);
    }

    [Fact]
    public void ToDefaultDeviceMovesEveryParameterAndTrainingFollows()
    {
        var (x, y) = ToyData.Separable(8, seed: 61);
        using var model = new TinyNet();

        Assert.Same(model, model.ToDefaultDevice());

        Assert.All(model.parameters(), parameter => Assert.Equal(NetGen.Devices.Default.type, parameter.device.type));
        Assert.Equal(NetGen.Devices.Default.type, model.Device.type);
        // CPU data is moved batch by batch to the network's device.
        Assert.Equal(1, model.Fit(x, y, epochs: 1, verbose: Verbosity.Silent).Epochs);
        using var predictions = model.Predict(x);
        Assert.Equal(8, predictions.shape[0]);
    }
}
