using System.Collections.Generic;
using System.Linq;

namespace NetGen.Model.Analysis;

/// <summary>
/// Names a network's members cannot have: the public members NetGen generates or that every
/// network has (its base class, and the runtime's extension methods a member would hide), and
/// the names of the network's inputs. Private generated names never collide: the parser picks
/// them around the user's members.
/// </summary>
internal static class NameRules
{
    private static readonly string[] s_generated =
    {
        "ParameterCount", "TrainableParameterCount", "InputShape", "OutputShape", "forward", "ForwardLogits",
    };

    private static readonly string[] s_inherited =
    {
        "Description", "CompileOptions", "Device", "TrainStep", "TestStep",
        "Compile", "Fit", "Evaluate", "Predict", "PredictClasses", "Summary", "PrintSummary", "SaveWeights", "LoadWeights",
        "Freeze", "Unfreeze", "FreezeAll", "UnfreezeAll", "Groups", "GetLayer", "GetLayers", "LoadWeightsFrom",
    };

    /// <summary>
    /// Members every network inherits from TorchSharp's <c>nn.Module</c> (read from TorchSharp 0.107 by
    /// reflection): a class with one of these names could not name itself, since inside the class
    /// the name means the inherited member (<c>register_module.Season</c> is CS0119).
    /// </summary>
    private static readonly string[] s_moduleMembers =
    {
        "ClearModules", "ConditionallyRegisterBuffer", "ConditionallyRegisterParameter", "GetName", "RegisterComponents",
        "ReplaceBuffer", "ReplaceParameter", "add_module", "apply", "buffers", "call", "children", "eval", "get_buffer",
        "get_parameter", "has_buffer", "has_parameter", "load", "load_state_dict", "modules", "name", "named_buffers",
        "named_children", "named_modules", "named_parameters", "parameters", "register_buffer", "register_forward_hook",
        "register_forward_pre_hook", "register_module", "register_parameter", "save", "save_state_dict", "state_dict",
        "train", "training", "zero_grad",
    };

    /// <summary>Whether a network class cannot have this name because the class inherits a member of that name.</summary>
    public static bool IsInheritedModuleMember(string name) => s_moduleMembers.Contains(name);

    /// <summary>The generated record of a network with several outputs.</summary>
    public const string OutputsType = "Outputs";

    /// <summary>Members a generated <c>Outputs</c> record has besides one property per output.</summary>
    private static readonly string[] s_outputsRecordMembers = { "ToArray", "Equals", "GetHashCode", "ToString", "GetType", "MemberwiseClone", "Finalize" };

    /// <summary>Whether a network class cannot have this name: a member of its generated half would take it.</summary>
    public static bool IsGeneratedMemberName(string name) => s_generated.Contains(name) || name == OutputsType;

    public static void Check(NetworkDefinition network, IReadOnlyList<InputResult> inputs, bool severalOutputs, List<Issue> issues)
    {
        for (var i = 0; i < network.Layers.Count; i++)
        {
            var name = network.Layers[i].Name;
            if (inputs.Any(input => input.Name == name))
            {
                issues.Add(new Issue(ProblemKind.ReservedLayerName, Site.LayerMember(i), name, "the name of one of the network's inputs"));
            }
            else if (Reason(name, severalOutputs) is { } reason)
            {
                issues.Add(new Issue(ProblemKind.ReservedLayerName, Site.LayerMember(i), name, reason));
            }
            else if (severalOutputs && network.Layers[i].Output is not null && s_outputsRecordMembers.Contains(name))
            {
                issues.Add(new Issue(ProblemKind.ReservedLayerName, Site.LayerMember(i), name, "a member of the generated Outputs record, where each output has a property"));
            }
        }

        foreach (var member in network.OtherMembers.Distinct())
        {
            if (Reason(member, severalOutputs) is { } reason)
            {
                issues.Add(new Issue(ProblemKind.MemberNameTaken, Site.Member(member), member, reason));
            }
        }
    }

    private static string? Reason(string name, bool severalOutputs)
    {
        if (s_generated.Contains(name))
        {
            return "a member NetGen generates in every network";
        }

        if (s_inherited.Contains(name))
        {
            return "a member every network has";
        }

        return severalOutputs && name == OutputsType ? "the record NetGen generates for a network with several outputs" : null;
    }
}
