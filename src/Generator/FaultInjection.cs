using System;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator;

/// <summary>
/// Lets tests make the generator fail on one named class, to prove that a failure stays with that
/// class. Unset (null) outside those tests; an <see cref="AsyncLocal{T}"/>, so tests running in
/// parallel do not see each other's setting.
/// </summary>
internal static class FaultInjection
{
    public static AsyncLocal<string?> FailOnClass { get; } = new();

    public static void ThrowIfRequested(INamedTypeSymbol type)
    {
        if (FailOnClass.Value is { } name && type.Name == name)
        {
            throw new InvalidOperationException("Failure injected by a test.");
        }
    }
}
