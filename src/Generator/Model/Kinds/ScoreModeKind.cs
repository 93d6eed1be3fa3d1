namespace NetGen.Model;

/// <summary>Mirrors <c>NetGen.ScoreMode</c> by name and value (a test keeps them equal): the generator cannot reference the runtime.</summary>
internal enum ScoreModeKind
{
    Dot = 0,
    Concat,
}
