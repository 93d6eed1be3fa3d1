using System;
using System.IO;

namespace NetGen.Runtime.Tests.Data;

/// <summary>The data files in <c>samples/Data</c>, found from the test output directory.</summary>
internal static class SampleData
{
    public static string PathOf(string name) => Path.Combine(RepositoryRoot(), "samples", "Data", name);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NetGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("NetGen.sln not found above the test output.");
    }
}
