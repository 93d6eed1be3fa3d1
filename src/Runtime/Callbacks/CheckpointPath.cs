using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace NetGen.Callbacks;

/// <summary>
/// A <see cref="ModelCheckpoint"/> file path with placeholders, parsed once:
/// <c>{epoch}</c>, <c>{batch}</c> and any logged value, each with an optional .NET format
/// (<c>weights.{epoch:D2}-{val_loss:F2}.safetensors</c>), written with the invariant culture;
/// <c>{{</c> and <c>}}</c> are literal braces.
/// </summary>
internal sealed partial class CheckpointPath
{
    private readonly string _template;
    private readonly List<(string Text, string? Name, string? Format)> _parts = new();

    /// <summary>Parses <paramref name="template"/>.</summary>
    /// <exception cref="ArgumentException">A brace is unmatched, a placeholder has no name, or a format is invalid or Python's.</exception>
    public CheckpointPath(string template, string parameter)
    {
        _template = template;
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
                continue;
            }

            if (c == '}')
            {
                throw new ArgumentException($"The file path '{template}' has a '}}' at {i.ToString(CultureInfo.InvariantCulture)} that closes nothing; write '}}}}' for a literal brace.", parameter);
            }

            if (c != '{')
            {
                literal.Append(c);
                continue;
            }

            var close = template.IndexOf('}', i + 1);
            if (close < 0)
            {
                throw new ArgumentException($"The file path '{template}' has a '{{' at {i.ToString(CultureInfo.InvariantCulture)} that is never closed; write '{{{{' for a literal brace.", parameter);
            }

            var placeholder = template.Substring(i + 1, close - i - 1);
            var colon = placeholder.IndexOf(':');
            var name = colon < 0 ? placeholder : placeholder[..colon];
            var format = colon < 0 ? null : placeholder[(colon + 1)..];
            if (name.Length == 0 || name.Contains('{'))
            {
                throw new ArgumentException($"The file path '{template}' has a placeholder '{{{placeholder}}}' without a name; use {{epoch}}, {{batch}} or a logged value such as {{val_loss:F4}}.", parameter);
            }

            CheckFormat(template, name, format, parameter);
            _parts.Add((literal.ToString(), null, null));
            literal.Clear();
            _parts.Add((string.Empty, name, format));
            i = close;
        }

        _parts.Add((literal.ToString(), null, null));
    }

    /// <summary>The path for an epoch (1-based, as Keras fills <c>{epoch}</c>), a batch (1-based, or null at an epoch's end) and the logs.</summary>
    /// <exception cref="InvalidOperationException">A placeholder names a value that is not logged.</exception>
    public string Format(int epoch, int? batch, IReadOnlyDictionary<string, double> logs)
    {
        var path = new StringBuilder();
        foreach (var (text, name, format) in _parts)
        {
            if (name is null)
            {
                path.Append(text);
            }
            else if (name == "epoch")
            {
                path.Append(epoch.ToString(format, CultureInfo.InvariantCulture));
            }
            else if (name == "batch" && batch is { } number)
            {
                path.Append(number.ToString(format, CultureInfo.InvariantCulture));
            }
            else if (logs.TryGetValue(name, out var value))
            {
                path.Append(value.ToString(format, CultureInfo.InvariantCulture));
            }
            else
            {
                var known = new[] { "epoch" }.Concat(batch is null ? [] : ["batch"]).Concat(logs.Keys);
                var why = name == "batch" ? "{batch} is only filled when saving every N batches (saveFreq)" : $"'{name}' is not logged";
                throw new InvalidOperationException($"ModelCheckpoint cannot fill the file path '{_template}': {why}; the placeholders available are {string.Join(", ", known)}.");
            }
        }

        return path.ToString();
    }

    private static void CheckFormat(string template, string name, string? format, string parameter)
    {
        if (format is null)
        {
            return;
        }

        if (PythonFormat().IsMatch(format))
        {
            throw new ArgumentException(
                $"The file path '{template}' formats {{{name}}} with Python's '{format}'; NetGen uses .NET formats: {{epoch:D2}} for Keras's {{epoch:02d}}, {{{name}:F2}} for {{{name}:.2f}}.",
                parameter);
        }

        try
        {
            // Epoch and batch are integers, log values doubles: try the format on one of each kind.
            _ = name is "epoch" or "batch" ? 1.ToString(format, CultureInfo.InvariantCulture) : 0.5.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException($"The file path '{template}' formats {{{name}}} with '{format}', which is not a valid .NET format: {exception.Message}", parameter, exception);
        }
    }

    // 02d, .2f, .4e, 5.1%: digits and dots then a type letter, where .NET's standard formats put the letter first (D2, F2, E4).
    [GeneratedRegex(@"^[0-9.]+[A-Za-z%]$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonFormat();
}
