using System;
using System.IO;
using System.Runtime.CompilerServices;
using NetGen.Data;
using NetGen.Data.Text;
using NetGen.Runtime.Tests.Data.Series;
using NetGen.Runtime.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Data;

/// <summary>Where data gets its role, and how the role travels with it.</summary>
public sealed class DataRoleTests
{
    [Fact]
    public void WithRoleLabelsTheSameTensorAndARelabelReplacesIt()
    {
        using var x = zeros(3, 2);
        Assert.Null(DataRoles.Of(x));

        Assert.Same(x, x.WithRole(DataRole.Test));
        Assert.Equal(DataRole.Test, DataRoles.Of(x));
        x.WithRole(DataRole.Validation);
        Assert.Equal(DataRole.Validation, DataRoles.Of(x));

        // A role belongs to the object: a view is other data as far as roles go.
        using var view = x.reshape(2, 3);
        Assert.Null(DataRoles.Of(view));
        Assert.Throws<ArgumentOutOfRangeException>(() => x.WithRole((DataRole)7));
    }

    [Fact]
    public void TrainTestSplitGivesEachPartItsRole()
    {
        var (x, y) = ToyData.Separable(20, seed: 1);
        using var whole = DataSplit.TrainTestSplit(x, y, 0.25, seed: 3);
        Assert.Equal(DataRole.Training, DataRoles.Of(whole.XTrain));
        Assert.Equal(DataRole.Training, DataRoles.Of(whole.YTrain));
        Assert.Equal(DataRole.HeldOut, DataRoles.Of(whole.XTest));
        Assert.Equal(DataRole.HeldOut, DataRoles.Of(whole.YTest));

        // Splitting training data again carves validation data out of it.
        using var again = DataSplit.TrainTestSplit(whole.XTrain, whole.YTrain, 0.25, seed: 3);
        Assert.Equal(DataRole.Training, DataRoles.Of(again.XTrain));
        Assert.Equal(DataRole.Validation, DataRoles.Of(again.XTest));
        Assert.Equal(DataRole.Validation, DataRoles.Of(again.YTest));

        // A split of test data makes a validation half and a test half that stays unseen (validating on the first
        // and testing on the second is sound); the labels' role counts when the features have none.
        var (tx, ty) = ToyData.Separable(20, seed: 2);
        ty.WithRole(DataRole.Test);
        using var test = DataSplit.TrainTestSplit(tx, ty, 0.5, seed: 3);
        Assert.Equal(DataRole.Validation, DataRoles.Of(test.XTrain));
        Assert.Equal(DataRole.Test, DataRoles.Of(test.XTest));
    }

    [Fact]
    public void TransformsKeepTheRoleOfTheirInput()
    {
        using var train = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [3, 2]).WithRole(DataRole.Training);
        using var test = tensor(new float[] { 7, 8 }, [1, 2]).WithRole(DataRole.Test);
        using var plain = tensor(new float[] { 7, 8 }, [1, 2]);
        using var scaler = new StandardScaler();
        using var scaledTrain = scaler.FitTransform(train);
        using var scaledTest = scaler.Transform(test);
        using var scaledPlain = scaler.Transform(plain);
        using var restored = scaler.InverseTransform(scaledTest);
        Assert.Equal(DataRole.Training, DataRoles.Of(scaledTrain));
        Assert.Equal(DataRole.Test, DataRoles.Of(scaledTest));
        Assert.Null(DataRoles.Of(scaledPlain));
        Assert.Equal(DataRole.Test, DataRoles.Of(restored));

        using var labels = tensor(new long[] { 0, 2, 1 }).WithRole(DataRole.Validation);
        using var encoded = OneHot.Encode(labels);
        Assert.Equal(DataRole.Validation, DataRoles.Of(encoded));
    }

    [Fact]
    public void LabeledImagesKeepTheirRoleWhenClassesOrImagesAreSelected()
    {
        using var images = new LabeledImages(zeros(4, 1, 2, 2), tensor(new long[] { 0, 1, 2, 1 }), ["a", "b", "c"]);
        images.Images.WithRole(DataRole.Test);
        images.Labels.WithRole(DataRole.Test);
        using var selected = images.SelectClasses(1, 2);
        using var first = images.Take(2);
        Assert.Equal(DataRole.Test, DataRoles.Of(selected.Images));
        Assert.Equal(DataRole.Test, DataRoles.Of(selected.Labels));
        Assert.Equal(DataRole.Test, DataRoles.Of(first.Images));
        Assert.Equal(DataRole.Test, DataRoles.Of(first.Labels));
    }

    [Fact]
    public void FashionMnistMarksItsTrainingAndTestSets()
    {
        using var data = FashionMnist.Load(new FashionMnistOptions { Directory = SampleData.PathOf("fashion-mnist"), MaxTrainCount = 20, MaxTestCount = 5 });
        Assert.Equal(DataRole.Training, DataRoles.Of(data.Train.Images));
        Assert.Equal(DataRole.Training, DataRoles.Of(data.Train.Labels));
        Assert.Equal(DataRole.Test, DataRoles.Of(data.Test.Images));
        Assert.Equal(DataRole.Test, DataRoles.Of(data.Test.Labels));

        // The samples' way to validate: a split of the training images holds out validation data.
        using var split = DataSplit.TrainTestSplit(data.Train.Images, data.Train.Labels, 0.25, seed: 1);
        Assert.Equal(DataRole.Validation, DataRoles.Of(split.XTest));
    }

    [Theory]
    [InlineData("test.csv", DataRole.Test)]
    [InlineData("iris_test.csv", DataRole.Test)]
    [InlineData("Training-Set.csv", DataRole.Training)]
    [InlineData("train.csv", DataRole.Training)]
    [InlineData("latest.csv", null)]
    [InlineData("contest.csv", null)]
    [InlineData("train_test.csv", null)]
    [InlineData("data.csv", null)]
    public void CsvFilesTakeTheRoleTheirNameSays(string name, DataRole? role)
    {
        using var files = new TempFiles();
        var path = files.Write(name, "a,b,label\n1,2,0\n3,4,1\n");
        using var table = CsvLoader.Load(path);
        using var matrix = CsvLoader.LoadMatrix(path, new CsvOptions { HasHeader = true });
        Assert.Equal(role, DataRoles.Of(table.Features));
        Assert.Equal(role, DataRoles.Of(table.Labels));
        Assert.Equal(role, DataRoles.Of(matrix));
    }

    [Theory]
    [InlineData("t10k-images-idx3-ubyte.gz", DataRole.Test)]
    [InlineData("test_batch.bin", DataRole.Test)]
    [InlineData("data_batch_1.bin", null)]
    [InlineData("images/test/", DataRole.Test)]
    [InlineData("images/train", DataRole.Training)]
    [InlineData("testing", DataRole.Test)]
    public void FileAndFolderNamesSayTheirRole(string path, DataRole? role) =>
        Assert.Equal(role, DataRoles.OfFileName(path.Replace('/', Path.DirectorySeparatorChar)));

    [Fact]
    public void LabeledTextSplitsGiveTheirLabelTensorsTheirRoles()
    {
        var texts = new LabeledTexts(
            ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
            [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
            ["s", "s", "s", "s", "s", "s", "s", "s", "s", "s"],
            ["ham", "spam"]);
        var (train, validation, test) = texts.Split(0.2, 0.2, seed: 1);
        using var yTrain = train.LabelTensor();
        using var yValidation = validation.ClassIdTensor();
        using var yTest = test.LabelTensor();
        using var whole = texts.LabelTensor();
        Assert.Equal(DataRole.Training, DataRoles.Of(yTrain));
        Assert.Equal(DataRole.Validation, DataRoles.Of(yValidation));
        Assert.Equal(DataRole.Test, DataRoles.Of(yTest));
        Assert.Null(DataRoles.Of(whole));
    }

    [Fact]
    public void TimeSeriesSpansGiveWindowsAndTensorsTheirRoles()
    {
        var (training, validation, test) = ChronologicalSplit.ByFraction(SeriesData.Ramp(40), validationFraction: 0.25, testFraction: 0.25);
        Assert.Equal(DataRole.Training, DataRoles.Of(training.Windows(3)));
        Assert.Equal(DataRole.Validation, DataRoles.Of(validation.Windows(3)));
        Assert.Equal(DataRole.Test, DataRoles.Of(test.Windows(3)));
        Assert.Null(DataRoles.Of(SeriesData.Ramp(10).Windows(3)));

        using var values = test.ToTensor();
        var (inputs, targets) = validation.Windows(3).ToTensors();
        using (inputs)
        using (targets)
        {
            Assert.Equal(DataRole.Test, DataRoles.Of(values));
            Assert.Equal(DataRole.Validation, DataRoles.Of(inputs));
            Assert.Equal(DataRole.Validation, DataRoles.Of(targets));
        }
    }

    [Fact]
    public void ARoleDoesNotKeepItsTensorAlive()
    {
        var reference = LabelledAndDropped();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(reference.TryGetTarget(out _));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<Tensor> LabelledAndDropped()
    {
        var x = zeros(2, 2).WithRole(DataRole.Test);
        Assert.Equal(DataRole.Test, DataRoles.Of(x));
        return new WeakReference<Tensor>(x);
    }
}
