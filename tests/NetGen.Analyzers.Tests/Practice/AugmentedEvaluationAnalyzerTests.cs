using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using static NetGen.Analyzers.Tests.Infrastructure.AnalyzerTestHelper;
using static NetGen.Analyzers.Tests.Practice.PracticeSources;

namespace NetGen.Analyzers.Tests.Practice;

/// <summary>NG0308: augmented image batches that validate or are evaluated.</summary>
public sealed class AugmentedEvaluationAnalyzerTests
{
    [Fact]
    public async Task NG0308_AugmentedBatchesValidatedOrEvaluated_ReportedAtTheBatches()
    {
        var diagnostics = await VerifyAsync(With("""
            public static class Training
            {
                public static void Validated(Net model, ImageFolder folder, ImageAugmentation augmentation)
                {
                    var batches = folder.Training(32, augmentation);
                    model.Fit(batches, epochs: 2, validationData: [|batches|]);
                }

                // The training subset is also the training data, so NG0305 reports the same batches.
                public static double Evaluated(Net model, ImageFolder folder) =>
                    model.Evaluate({|NG0305:[|folder.Training(augmentation: new ImageAugmentation { HorizontalFlip = true })|]|}).Loss;
            }
            """), "NG0308");

        var messages = diagnostics.Select(static d => d.GetMessage(CultureInfo.InvariantCulture)).ToList();
        Assert.Contains("'batches' is augmented with augmentation and is Fit's validation data: the score is measured on randomly changed images, not on the data; measure on batches without augmentation (the folder's Validation())", messages);
        Assert.Contains(messages, static m => m.StartsWith("'folder.Training(augmentation: new ImageAugmentation { HorizontalFlip = true })' is augmented with new ImageAugmentation { HorizontalFlip = true } and is measured by Evaluate:", System.StringComparison.Ordinal));
    }

    [Fact]
    public Task UnaugmentedValidationOrAugmentedTraining_Silent() => VerifyAsync(With("""
        public static class Training
        {
            // Augmented batches that only train, the validation subset, and training batches without augmentation.
            public static void Usual(Net model, ImageFolder folder, ImageAugmentation augmentation)
            {
                model.Fit(folder.Training(32, augmentation), epochs: 2, validationData: folder.Validation(32));
                model.Fit(folder.Training(32, augmentation), validationData: folder.Training(32, null));
            }

            public static double Evaluated(Net model, ImageFolder folder, IEnumerable<NetGen.Training.Batch> batches)
            {
                var plain = model.Evaluate(folder.Training(32)).Loss;
                return plain + model.Evaluate(batches).Loss + model.Evaluate(folder.All()).Loss;
            }
        }
        """));
}
