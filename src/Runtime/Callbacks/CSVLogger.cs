using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.IO;

namespace NetGen.Callbacks;

/// <summary>
/// Streams every epoch's logs to a CSV file, as Keras's <c>CSVLogger</c>: a header of
/// <c>epoch</c> then the logged names in ordinal order (Keras sorts them too), one row per
/// epoch with the 0-based epoch as Keras writes it, values in the invariant culture, flushed
/// after every epoch. The file is closed at the end of training, however it ends.
/// </summary>
/// <remarks>
/// <para>
/// Values are written with .NET's shortest round-trip form (<c>0.6931471805599453</c>,
/// <c>1E-05</c>, <c>NaN</c>, <c>Infinity</c>), which .NET, Python's <c>float</c> and pandas read
/// back exactly; lines end with <c>\n</c>; the file is UTF-8 without a byte-order mark.
/// A header name holding the separator or a quote is quoted as RFC 4180 says.
/// </para>
/// <para>
/// A value missing from a later epoch is written <c>NA</c>, as Keras does. A value first
/// logged after the header was written is where NetGen differs: Keras drops it silently; here it
/// becomes a new last column, and the file is rewritten (atomically) with the longer header and
/// <c>NA</c> in the rows before it. With <see cref="Append"/> the columns are those of the
/// existing file's header, so the new rows line up with the old ones (Keras writes its own
/// order under the old header), and a new column pads the old rows with <c>NA</c> too.
/// </para>
/// </remarks>
public sealed class CSVLogger : Callback
{
    private const string Missing = "NA";
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<string> _columns = new();
    private StreamWriter? _writer;

    /// <summary>Creates the callback.</summary>
    /// <param name="filename">The CSV file; its directory is created if needed.</param>
    /// <param name="separator">The field separator; not a letter, digit, sign, dot, quote or line break, which values and names use.</param>
    /// <param name="append">Add rows to an existing file (continuing training) instead of replacing it.</param>
    public CSVLogger(string filename, char separator = ',', bool append = false)
    {
        ArgumentNullException.ThrowIfNull(filename);
        if (string.IsNullOrWhiteSpace(filename))
        {
            throw new ArgumentException("The CSV file name is empty.", nameof(filename));
        }

        if (char.IsLetterOrDigit(separator) || separator is '.' or '+' or '-' or '"' or '\r' or '\n')
        {
            throw new ArgumentException($"'{separator}' cannot separate fields: values and names use letters, digits, signs, dots, and quotes and line breaks delimit fields and rows.", nameof(separator));
        }

        Filename = filename;
        Separator = separator;
        Append = append;
    }

    /// <summary>The CSV file.</summary>
    public string Filename { get; }

    /// <summary>The field separator.</summary>
    public char Separator { get; }

    /// <summary>Whether rows are added to an existing file.</summary>
    public bool Append { get; }

    /// <inheritdoc />
    public override void OnTrainBegin(TrainingContext context)
    {
        Close();
        _columns.Clear();
        var full = Path.GetFullPath(Filename);
        if (Directory.Exists(full))
        {
            throw new IOException($"CSVLogger cannot write '{Filename}': it is a directory.");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var endsMidLine = false;
        if (Append && File.Exists(full))
        {
            _columns.AddRange(ReadHeader(full));
            endsMidLine = EndsMidLine(full);
        }

        _writer = Open(full, Append);
        if (endsMidLine)
        {
            // A file cut short (or written by hand) without a final line break: start on a line of our own.
            _writer.Write('\n');
        }
    }

    /// <inheritdoc />
    public override void OnEpochEnd(TrainingContext context, int epoch, IReadOnlyDictionary<string, double> logs)
    {
        if (_writer is null)
        {
            throw new InvalidOperationException("CSVLogger's file is not open: OnTrainBegin did not run.");
        }

        if (_columns.Count == 0)
        {
            _columns.Add("epoch");
            _columns.AddRange(logs.Keys.Order(StringComparer.Ordinal));
            _writer.Write(Line(_columns.Select(Quote)));
        }
        else
        {
            var added = logs.Keys.Where(key => !_columns.Contains(key)).Order(StringComparer.Ordinal).ToList();
            if (added.Count > 0)
            {
                AddColumns(added);
            }
        }

        _writer.Write(Line(_columns.Select(column =>
            column == "epoch" ? epoch.ToString(CultureInfo.InvariantCulture)
            : logs.TryGetValue(column, out var value) ? value.ToString(CultureInfo.InvariantCulture)
            : Missing)));
        _writer.Flush();
    }

    /// <inheritdoc />
    public override void OnTrainEnd(TrainingContext context) => Close();

    private static StreamWriter Open(string path, bool append) =>
        new(new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.Read), s_utf8);

    /// <summary>The columns of an existing file's first line; none when it is empty.</summary>
    private List<string> ReadHeader(string path)
    {
        using var reader = new StreamReader(path, s_utf8);
        var header = reader.ReadLine();
        return string.IsNullOrEmpty(header) ? new List<string>() : SplitHeader(header);
    }

    private static bool EndsMidLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0)
        {
            return false;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() != '\n';
    }

    /// <summary>Rewrites the file with <paramref name="added"/> as new last columns, <c>NA</c> in the rows so far.</summary>
    private void AddColumns(List<string> added)
    {
        var full = Path.GetFullPath(Filename);
        Close();
        var lines = File.ReadAllLines(full, s_utf8);
        _columns.AddRange(added);
        var padding = string.Concat(Enumerable.Repeat(Separator + Missing, added.Count));
        AtomicFile.Write(full, stream =>
        {
            using var writer = new StreamWriter(stream, s_utf8, bufferSize: 4096, leaveOpen: true);
            writer.Write(Line(_columns.Select(Quote)));
            foreach (var row in lines.Skip(1).Where(static line => line.Length > 0))
            {
                writer.Write(row + padding + "\n");
            }
        });
        _writer = Open(full, append: true);
    }

    private string Line(IEnumerable<string> fields) => string.Join(Separator, fields) + "\n";

    private string Quote(string name) =>
        name.Contains(Separator) || name.Contains('"') || name.Contains('\n') || name.Contains('\r')
            ? "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : name;

    private List<string> SplitHeader(string header)
    {
        var names = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < header.Length && header[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == Separator)
            {
                names.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        names.Add(field.ToString());
        return names;
    }

    private void Close()
    {
        _writer?.Dispose();
        _writer = null;
    }
}
