using System;
using System.Text;

namespace NetGen.Generator.Emit;

/// <summary>
/// A StringBuilder with an indentation level. <see cref="WriteLine(string)"/> re-indents every
/// line of a multi-line string, so fixed blocks can be written as raw strings.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    public void Indent() => _indentation++;

    public void Unindent()
    {
        if (_indentation == 0)
        {
            throw new InvalidOperationException("Unbalanced indentation.");
        }

        _indentation--;
    }

    public void OpenBlock()
    {
        WriteLine("{");
        Indent();
    }

    public void CloseBlock()
    {
        Unindent();
        WriteLine("}");
    }

    public void WriteLine() => _builder.Append('\n');

    public void WriteLine(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (line.Length == 0)
            {
                _builder.Append('\n');
                continue;
            }

            _builder.Append(' ', _indentation * IndentSize).Append(line).Append('\n');
        }
    }

    public override string ToString() => _builder.ToString();
}
