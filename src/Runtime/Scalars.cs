using TorchSharp;

namespace NetGen;

/// <summary>
/// Scalars the runtime passes to TorchSharp again and again, each made once and held for the life of the process.
/// </summary>
/// <remarks>
/// TorchSharp's tensor methods read a Scalar's native handle and do not keep the Scalar alive, and a Scalar's
/// finalizer frees the handle: a Scalar nobody holds may be freed while libtorch still reads it ("Unknown scalar
/// type"). That includes the ones TorchSharp makes itself: <c>x.add(y)</c> and <c>x + y</c> are
/// <c>x.add(y, 1)</c>, with an implicit Scalar for the 1. A static field holds these for good, at no cost per call;
/// a value that changes from call to call is made with <c>ToScalar()</c> and held by a <c>using</c> for the call.
/// </remarks>
internal static class Scalars
{
    /// <summary>The 1 of a plain sum: <c>x.add(y, Scalars.One)</c> is <c>x + y</c>.</summary>
    public static readonly Scalar One = 1.ToScalar();

    /// <summary>The exponent of a square: <c>x.pow(Scalars.Two)</c> is <c>x.square()</c>, which is <c>pow(2)</c> inside TorchSharp.</summary>
    public static readonly Scalar Two = 2.ToScalar();
}
