namespace NetGen.Model;

/// <summary>What shape inference knows about a layer's output.</summary>
internal enum ShapeStatus
{
    /// <summary>The type is known and checked.</summary>
    Known,

    /// <summary>
    /// The type is known only at run time (a flatten of a named dimension, a custom layer that
    /// declares none). Layers that need it are reported; the next layer with a declared shape
    /// resumes checking.
    /// </summary>
    Dynamic,

    /// <summary>A problem was reported at or before this layer; everything downstream stays silent.</summary>
    Failed,
}

/// <summary>A layer output's type, when known, or why not.</summary>
internal readonly struct ShapeResult
{
    private ShapeResult(ShapeStatus status, TensorType? type, string? reason)
    {
        Status = status;
        Type = type;
        Reason = reason;
    }

    public ShapeStatus Status { get; }

    /// <summary>The type when <see cref="Status"/> is <see cref="ShapeStatus.Known"/>.</summary>
    public TensorType? Type { get; }

    /// <summary>Why the type is dynamic, for messages: "Flatten of (None, steps, 8) depends on 'steps'".</summary>
    public string? Reason { get; }

    public bool IsKnown => Status == ShapeStatus.Known;

    public static ShapeResult Failed => new(ShapeStatus.Failed, null, null);

    public static ShapeResult Known(TensorType type) => new(ShapeStatus.Known, type, null);

    public static ShapeResult Dynamic(string reason) => new(ShapeStatus.Dynamic, null, reason);

    public static implicit operator ShapeResult(TensorType type) => Known(type);

    public override string ToString() => Status switch
    {
        ShapeStatus.Known => Type!.ToString(),
        ShapeStatus.Dynamic => "?",
        _ => "failed",
    };
}
