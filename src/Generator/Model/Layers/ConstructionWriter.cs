using System.Collections.Generic;

namespace NetGen.Model.Layers;

/// <summary>
/// Collects the statements that build one layer in the generated constructor. Rules write
/// expressions in terms of <see cref="Field"/> and the constructor's parameters; the emitter
/// indents them and registers the module.
/// </summary>
internal sealed class ConstructionWriter
{
    private readonly List<string> _lines = new();

    public ConstructionWriter(string field, string device, string dtype, string generator)
    {
        Field = field;
        Device = device;
        Dtype = dtype;
        Generator = generator;
    }

    /// <summary>The field that holds the module.</summary>
    public string Field { get; }

    /// <summary>The constructor parameter holding the device (a <c>Device?</c>).</summary>
    public string Device { get; }

    /// <summary>The constructor parameter holding the element type (a <c>ScalarType?</c>).</summary>
    public string Dtype { get; }

    /// <summary>The local holding the seeded generator, or null for TorchSharp's global one; use <see cref="UseGenerator"/> in expressions.</summary>
    public string Generator { get; }

    /// <summary>Whether a statement draws from <see cref="Generator"/>, so the constructor must declare it.</summary>
    public bool UsesGenerator { get; private set; }

    public IReadOnlyList<string> Lines => _lines;

    /// <summary><see cref="Generator"/>, for a module that initializes itself from it (a backbone).</summary>
    public string UseGenerator()
    {
        UsesGenerator = true;
        return Generator;
    }

    /// <summary><c>_field = expression;</c></summary>
    public void Create(string expression) => _lines.Add(Field + " = " + expression + ";");

    /// <summary>Any other statement, written in terms of <see cref="Field"/>: <c>_field.InitializeKeras(generator);</c></summary>
    public void Statement(string statement) => _lines.Add(statement);

    /// <summary>
    /// Applies Keras initializers to a kernel-and-bias module (Linear, Conv2d):
    /// <c>Initializers.Apply(_field.weight, ...)</c>, and the same for <c>bias</c> when it has one.
    /// </summary>
    public void InitializeWeights(InitializerKind kernel, bool useBias, InitializerKind bias)
    {
        Initialize("weight", kernel);
        if (useBias)
        {
            Initialize("bias", bias);
        }
    }

    private void Initialize(string tensor, InitializerKind initializer)
    {
        if (initializer != InitializerKind.TorchDefault)
        {
            _lines.Add($"global::NetGen.Initializers.Apply({Field}.{tensor}, global::NetGen.Initializer.{initializer}, {UseGenerator()});");
        }
    }
}
