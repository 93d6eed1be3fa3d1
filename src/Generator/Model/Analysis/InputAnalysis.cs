using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>Reads and checks the <c>[Input]</c> attributes: shapes (sizes and names), names and element types.</summary>
internal static class InputAnalysis
{
    /// <summary>The most inputs a network can take: TorchSharp's modules take at most six arguments.</summary>
    public const int MaxInputs = 6;

    public const string DefaultName = "input";

    private static readonly ArgumentSpec[] s_arguments =
    {
        new("shape", null),
        new("Name", DefaultName),
        new("ElementType", ElementKind.Float32),
    };

    /// <summary>The arguments of <c>[Input]</c> (checked against the runtime attribute by a test).</summary>
    public static IReadOnlyList<ArgumentSpec> Arguments => s_arguments;

    public static IReadOnlyList<InputResult> Read(NetworkDefinition network, List<Issue> issues)
    {
        var results = new List<InputResult>();
        if (network.Inputs.Count == 0)
        {
            issues.Add(new Issue(ProblemKind.MissingInput, Site.NetworkName, network.Name));
            return results;
        }

        if (network.Inputs.Count > MaxInputs)
        {
            issues.Add(new Issue(ProblemKind.TooManyInputs, Site.InputAttribute(MaxInputs), network.Name, Format.Number(network.Inputs.Count), Format.Number(MaxInputs)));
        }

        for (var i = 0; i < network.Inputs.Count; i++)
        {
            var index = i;
            var arguments = network.Inputs[i].Arguments;
            var reader = new ArgumentReader(arguments, s_arguments, (name, element) => Site.InputArgument(index, name, element), issues);
            var name = arguments.IsComplete ? reader.String("Name") : DefaultName;
            if (name is null || name.Trim().Length == 0)
            {
                reader.Report(ProblemKind.InvalidInputName, "Name", -1, name is null ? "null" : "\"" + name + "\"", network.Name, "must be a non-empty name");
                name = DefaultName + Format.Number(index + 1);
            }
            else if (results.Any(previous => previous.Name == name))
            {
                reader.Report(ProblemKind.InvalidInputName, arguments.Has("Name") ? "Name" : "shape", -1, "\"" + name + "\"", network.Name, "is already the name of another input; give each [Input] its own Name");
            }

            if (!arguments.IsComplete)
            {
                results.Add(new InputResult(name, null));
                continue;
            }

            var elementType = reader.Enum<ElementKind>("ElementType");
            var dimensions = Dimensions(reader);
            if (dimensions is null)
            {
                issues.Add(new Issue(ProblemKind.InvalidInputShape, Site.InputAttribute(index), name, Written(reader.Raw("shape"))));
            }
            else if (LooksChannelsLast(dimensions))
            {
                var reordered = new[] { dimensions[2], dimensions[0], dimensions[1] };
                issues.Add(new Issue(ProblemKind.ChannelsLastInput, Site.InputArgument(index, "shape"), name, string.Join(", ", dimensions), string.Join(", ", reordered)));
            }

            results.Add(new InputResult(name, dimensions is null || reader.HasProblems ? null : new TensorType(elementType, dimensions.ToEquatableArray())));
        }

        return results;
    }

    /// <summary>
    /// Whether an image shape is written the way Keras and TensorFlow write it, (height, width,
    /// channels): a last axis of 1, 3 or 4 (grey, RGB, RGBA) after two axes of at least 8 that
    /// cannot be channel counts of a photograph. <c>(28, 28, 1)</c> and <c>(32, 32, 3)</c> do;
    /// <c>(1, 28, 28)</c> and <c>(16, 8, 8)</c> do not.
    /// </summary>
    public static bool LooksChannelsLast(IReadOnlyList<Dimension> dimensions) =>
        dimensions.Count == 3
        && dimensions.All(static d => d.IsKnown)
        && dimensions[2].Size is 1 or 3 or 4
        && dimensions[0].Size >= 8
        && dimensions[1].Size >= 8;

    /// <summary>Positive sizes and non-empty names; null when anything else is written.</summary>
    private static List<Dimension>? Dimensions(ArgumentReader reader)
    {
        var shape = reader.Raw("shape");
        if (shape is null || shape.Kind != ArgumentValueKind.Array || shape.Elements.Count == 0)
        {
            return null;
        }

        var dimensions = new List<Dimension>();
        foreach (var element in shape.Elements)
        {
            switch (element.Kind)
            {
                case ArgumentValueKind.Int when (int)element.Value! > 0:
                    dimensions.Add(Dimension.Known((int)element.Value!));
                    break;
                case ArgumentValueKind.String when ((string)element.Value!).Trim().Length > 0:
                    dimensions.Add(Dimension.Named(((string)element.Value!).Trim()));
                    break;
                default:
                    return null;
            }
        }

        return dimensions;
    }

    private static string Written(ArgumentValue? shape) =>
        shape is null || shape.Kind != ArgumentValueKind.Array ? shape?.ToString() ?? string.Empty : string.Join(", ", shape.Elements.Select(static e => e.ToString()));
}
