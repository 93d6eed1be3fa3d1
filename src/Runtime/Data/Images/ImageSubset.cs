namespace NetGen.Data.Images;

/// <summary>Which images of a folder a batch source yields, and so whether it may augment them.</summary>
public enum ImageSubset
{
    /// <summary>The training subset: reshuffled every epoch, augmented when asked.</summary>
    Training,

    /// <summary>The validation subset (<see cref="ImageFolderOptions.ValidationSplit"/>): never augmented.</summary>
    Validation,

    /// <summary>Every image of a folder opened without a validation split (a test folder): never augmented.</summary>
    All,
}
