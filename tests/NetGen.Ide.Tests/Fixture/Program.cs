using NetGen;
using NetGen.Data;
using static TorchSharp.torch;

namespace IdeFixture;

public static class Program
{
    public static void Main()
    {
        var features = rand(100, 30);
        var labels = randint(0, 2, [100, 1]).to(float32);
        var (xTrain, xTest, yTrain, yTest) = DataSplit.TrainTestSplit(features, labels, testFraction: 0.2);
        using var model = new CancerNet();
        model.Fit(xTrain, yTrain, epochs: 5, validationData: (xTest, yTest));
        System.Console.WriteLine(model.Evaluate(xTest, yTest).Loss);
    }
}
