using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;

namespace NetGen.Build.Tests.Infrastructure;

internal static class Bytes
{
    public static string Sha256(string path) => System.Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>Offsets at which two equally long buffers differ.</summary>
    public static List<int> Differences(byte[] before, byte[] after)
    {
        Xunit.Assert.Equal(before.Length, after.Length);
        var offsets = new List<int>();
        for (var i = 0; i < before.Length; i++)
        {
            if (before[i] != after[i])
            {
                offsets.Add(i);
            }
        }

        return offsets;
    }
}
