using System.Collections.Generic;
using System.Linq;
using NetGen.Model;

namespace NetGen.Generator.Emit;

/// <summary>
/// What the generator writes for a declaration with errors: members that keep the user's code
/// compiling and throw when used, so the error list shows the NetGen diagnostics that matter
/// and no errors from generated code. It declares nothing the user's code already has.
/// </summary>
internal static class Placeholder
{
    private const string Tensor = Code.Tensor;

    /// <summary>
    /// Whether a placeholder can be declared at all: a file-local class can only be completed in
    /// its own file, and next to a global type named System, TorchSharp or NetGen no
    /// <c>global::</c> name the placeholder needs would resolve (NG0013 explains it).
    /// </summary>
    public static bool CanDeclare(NetworkSpec spec) => !spec.Declaration.IsFileLocal && spec.Declaration.ShadowedNamespace is null;

    public static void Emit(SourceWriter writer, NetworkSpec spec, string version)
    {
        // Only a plain, non-static class without a base of its own can take NetGen's base class.
        var declaration = spec.Declaration;
        var keyword = declaration.Kind;
        var derives = keyword == "class" && declaration.BaseType is null && !declaration.IsStatic;
        var instance = keyword is not "interface" && !declaration.IsStatic;
        var taken = new HashSet<string>(spec.UserMembers.Concat(spec.Layers.Select(static l => l.Name)).Append(spec.DisplayName), System.StringComparer.Ordinal);
        var message = Code.Literal(spec.Failure is { } failure
            ? $"NetGen failed on '{spec.DisplayName}' ({failure}); other networks are not affected. Please report this with the declaration."
            : $"NetGen could not generate '{spec.DisplayName}' because its declaration has errors; fix the NetGen (NG) diagnostics reported on it.");
        writer.WriteLine("/// <summary>");
        writer.WriteLine($"/// NetGen could not generate <c>{Code.Xml(spec.DisplayName)}</c>: its declaration has errors (see the NG diagnostics).");
        writer.WriteLine("/// These members keep the rest of the code compiling; using them throws.");
        writer.WriteLine("/// </summary>");
        NetworkEmitter.WriteGeneratedCodeAttribute(writer, spec, version);
        writer.WriteLine($"partial {keyword} {spec.TypeName}" + (derives ? " : " + NetworkEmitter.BaseType(System.Math.Max(1, System.Math.Min(6, spec.Inputs.Count)), Tensor) : string.Empty));
        writer.OpenBlock();
        writer.WriteLine($"private const string {spec.Names.DeclarationErrors} = {message};");
        writer.WriteLine();
        if (keyword is "interface")
        {
            writer.CloseBlock();
            return;
        }

        foreach (var constant in new[] { "ParameterCount", "TrainableParameterCount" }.Where(name => !taken.Contains(name)))
        {
            writer.WriteLine("/// <summary>Unknown until the declaration's errors are fixed.</summary>");
            writer.WriteLine($"public const long {constant} = 0;");
            writer.WriteLine();
        }

        if (derives)
        {
            writer.WriteLine("/// <summary>Throws: the declaration has errors.</summary>");
            writer.WriteLine($"public {spec.ClassName}()");
            writer.WriteLine($"    : base({Code.Literal(spec.DisplayName)}, {spec.Names.ThrowDeclarationErrors}(), null!)");
            writer.OpenBlock();
            // The base call throws first; the throw here tells the compiler that no constructor returns,
            // so the user's own non-nullable members are not reported as left null here (CS8618).
            writer.WriteLine($"throw new global::System.InvalidOperationException({spec.Names.DeclarationErrors});");
            writer.CloseBlock();
            writer.WriteLine();
            writer.WriteLine("/// <summary>Throws: the declaration has errors.</summary>");
            writer.WriteLine($"public {spec.ClassName}({Code.ConstructorParameters})");
            writer.WriteLine("    : this()");
            writer.OpenBlock();
            writer.CloseBlock();
            writer.WriteLine();
        }

        foreach (var shape in new[] { "InputShape", "OutputShape" }.Where(name => !taken.Contains(name)))
        {
            writer.WriteLine("/// <summary>Throws: the declaration has errors.</summary>");
            writer.WriteLine($"public static global::NetGen.Shape {shape} => throw new global::System.InvalidOperationException({spec.Names.DeclarationErrors});");
            writer.WriteLine();
        }

        foreach (var layer in spec.Layers.Where(l => l.IsImplementable && instance))
        {
            writer.WriteLine($"{(layer.Modifiers.Length == 0 ? string.Empty : layer.Modifiers + " ")}partial {layer.DeclaredType} {layer.Identifier} {{ get => throw new global::System.InvalidOperationException({spec.Names.DeclarationErrors}); }}");
            writer.WriteLine();
        }

        if (derives && !taken.Contains("forward"))
        {
            var parameters = string.Join(", ", Enumerable.Range(0, System.Math.Max(1, System.Math.Min(6, spec.Inputs.Count))).Select(static i => $"{Tensor} input{Format.Number(i + 1)}"));
            writer.WriteLine("/// <summary>Throws: the declaration has errors.</summary>");
            writer.WriteLine($"public override {Tensor} forward({parameters}) => throw new global::System.InvalidOperationException({spec.Names.DeclarationErrors});");
            writer.WriteLine();
        }

        if (derives)
        {
            writer.WriteLine($"private static global::NetGen.NetworkDescription {spec.Names.ThrowDeclarationErrors}() => throw new global::System.InvalidOperationException({spec.Names.DeclarationErrors});");
        }

        writer.CloseBlock();
    }
}
