using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace NetGen.IO;

/// <summary>The one spelling of a tensor shape in messages: <c>[12, 30]</c>, as PyTorch prints sizes.</summary>
internal static class WeightsShape
{
    public static string Format(IEnumerable<long> shape) =>
        "[" + string.Join(", ", shape.Select(static d => d.ToString(CultureInfo.InvariantCulture))) + "]";
}
