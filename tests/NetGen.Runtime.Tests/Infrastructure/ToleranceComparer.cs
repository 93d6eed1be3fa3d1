using System;
using System.Collections.Generic;

namespace NetGen.Runtime.Tests.Infrastructure;

/// <summary>Compares doubles up to an absolute tolerance: <c>Assert.Equal(expected, actual, new ToleranceComparer(1e-6))</c>.</summary>
public sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
{
    public bool Equals(double x, double y) => x == y || Math.Abs(x - y) <= tolerance;

    // Never used to bucket values: equality within a tolerance is not transitive.
    public int GetHashCode(double value) => 0;
}
