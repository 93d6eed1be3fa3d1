namespace NetGen;

/// <summary>One input of a network, as declared with <c>[Input]</c>.</summary>
/// <param name="Name">The input's name: the key of its data and how layers refer to it.</param>
/// <param name="ElementType">The element type of its values.</param>
/// <param name="Shape">The shape of one sample.</param>
public sealed record InputDescription(string Name, ElementType ElementType, Shape Shape);
