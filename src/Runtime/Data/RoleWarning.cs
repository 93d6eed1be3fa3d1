namespace NetGen.Data;

/// <summary>
/// A misuse of data roles seen at run time, named after the practice rule it mirrors, whose page
/// (<c>docs/diagnostics/{Rule}.md</c>) explains it. <see cref="DataRoles"/> says when each is given.
/// </summary>
/// <param name="Rule">The rule's ID, e.g. <c>NG0301</c>.</param>
/// <param name="Message">What is wrong, naming the call and the argument.</param>
public sealed record RoleWarning(string Rule, string Message)
{
    /// <summary>The rule's documentation page.</summary>
    public string HelpLink => $"https://github.com/netgen-dev/netgen/blob/main/docs/diagnostics/{Rule}.md";

    /// <summary><c>warning NG0301: Fit's validationData has the test role: ... (help link)</c>, the line printed.</summary>
    public override string ToString() => $"warning {Rule}: {Message} ({HelpLink})";
}
