namespace NetGen.Data;

/// <summary>Where <see cref="FashionMnist.Load"/> found the data.</summary>
public enum FashionMnistSource
{
    /// <summary>The full set (60,000 training and 10,000 test images) of Debian's <c>dataset-fashion-mnist</c> package, in <see cref="FashionMnist.FullSetDirectory"/>.</summary>
    FullSet = 0,

    /// <summary>The small subset shipped with the NetGen repository (<see cref="FashionMnistOptions.SubsetDirectory"/>), because the full set is not installed or not wanted.</summary>
    Subset,

    /// <summary>The directory named by <see cref="FashionMnistOptions.Directory"/>.</summary>
    Directory,
}
