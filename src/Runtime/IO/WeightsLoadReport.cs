using System.Collections.Generic;
using System.Linq;

namespace NetGen.IO;

/// <summary>
/// What a <c>state_dict</c> load did, tensor by tensor, as PyTorch's <c>load_state_dict</c>
/// reports missing and unexpected keys: what was loaded, what was skipped on purpose (a dropped
/// head), and what did not fit and was left as it was.
/// </summary>
/// <param name="Loaded">Tensors copied from the file, in the module's order.</param>
/// <param name="Skipped">Tensors of the file left out on purpose (a backbone's head, e.g. <c>fc.weight</c>), in the file's order.</param>
/// <param name="Missing">Tensors the module has and the file lacks; they keep their values.</param>
/// <param name="Unexpected">Tensors the file has and the module lacks, apart from the skipped ones, in the file's order.</param>
/// <param name="MismatchedShapes">Tensors in both with different shapes; not loaded.</param>
/// <param name="MismatchedTypes">Tensors in both whose type in the file cannot be loaded into the module's; not loaded.</param>
public sealed record WeightsLoadReport(
    IReadOnlyList<string> Loaded,
    IReadOnlyList<string> Skipped,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Unexpected,
    IReadOnlyList<ShapeMismatch> MismatchedShapes,
    IReadOnlyList<TypeMismatch> MismatchedTypes)
{
    /// <summary>Whether every tensor of the module was loaded and the file held nothing else but skipped tensors.</summary>
    public bool IsComplete => Missing.Count == 0 && Unexpected.Count == 0 && MismatchedShapes.Count == 0 && MismatchedTypes.Count == 0;

    /// <summary><c>Loaded 120 tensors; skipped fc.weight, fc.bias; missing ...; unexpected ...; ... is [..] in the file but [..] in the model</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string> { $"Loaded {Loaded.Count} tensor{(Loaded.Count == 1 ? string.Empty : "s")}" };
        if (Skipped.Count > 0)
        {
            parts.Add("skipped " + string.Join(", ", Skipped));
        }

        if (Missing.Count > 0)
        {
            parts.Add("missing " + string.Join(", ", Missing));
        }

        if (Unexpected.Count > 0)
        {
            parts.Add("unexpected " + string.Join(", ", Unexpected));
        }

        parts.AddRange(MismatchedShapes.Select(static s => s.ToString()));
        parts.AddRange(MismatchedTypes.Select(static t => t.ToString()));
        return string.Join("; ", parts);
    }
}
