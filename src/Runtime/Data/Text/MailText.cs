using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace NetGen.Data.Text;

/// <summary>
/// The readable text of a raw e-mail message (RFC 5322 headers and a MIME body, as the SpamAssassin
/// corpus stores them): the <c>Subject</c> header, then the text of the body. Transfer encodings
/// (quoted-printable, base64) and character sets are decoded, <c>multipart</c> bodies are walked
/// (the plain-text alternative is preferred to the HTML one), HTML is reduced to its text, and
/// attachments that are not text are left out.
/// </summary>
/// <remarks>
/// Real mail breaks the standards: declared character sets that do not exist, 8-bit bytes under
/// <c>us-ascii</c>, bodies with no character set at all. Undeclared or unknown text is read as
/// UTF-8 when it is valid UTF-8 and as Windows-1252 (a superset of Latin-1) otherwise, so every
/// byte becomes some character and no message is lost to one wrong header. A text part that holds
/// an HTML document (an <c>&lt;html&gt;</c> or <c>&lt;body&gt;</c> tag) is read as HTML whatever its
/// declared type, as spam often mislabels it.
/// </remarks>
internal static partial class MailText
{
    private const int MaxDepth = 16;

    private static readonly Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The subject and body text of the message in <paramref name="path"/>.</summary>
    /// <exception cref="DataFormatException">The file is empty or does not start with mail headers.</exception>
    public static string Read(string path) => Extract(File.ReadAllBytes(path), path);

    /// <summary>The subject and body text of a message whose bytes are <paramref name="content"/>, read from <paramref name="path"/>.</summary>
    public static string Extract(byte[] content, string path)
    {
        if (content.Length == 0)
        {
            throw new DataFormatException(path, "is empty, not a mail message.");
        }

        // Latin-1 maps each byte to one char and back, so the structure can be parsed as text and
        // each part's bytes recovered exactly for its own character set.
        var raw = Encoding.Latin1.GetString(content).Replace("\r\n", "\n", StringComparison.Ordinal);
        var (headerBlock, body) = SplitHeader(raw);
        var lines = headerBlock.Split('\n').ToList();
        if (lines[0].StartsWith("From ", StringComparison.Ordinal))
        {
            // The mbox separator line ("From sender date") that mail stores put before the headers.
            lines.RemoveAt(0);
        }

        if (lines.Count == 0 || !HeaderLine().IsMatch(lines[0]))
        {
            var first = lines.Count == 0 ? "" : lines[0];
            throw new DataFormatException(path, $"does not start with mail headers: its first line is '{(first.Length > 60 ? first[..60] + "..." : first)}'.");
        }

        var headers = ParseHeaders(lines);
        var subject = HeaderText(Header(headers, "Subject"));
        var text = EntityText(headers, body, depth: 0).Trim();
        return subject.Length == 0 ? text : text.Length == 0 ? subject : subject + "\n" + text;
    }

    private static (string Header, string Body) SplitHeader(string entity)
    {
        if (entity.StartsWith('\n'))
        {
            return ("", entity[1..]);
        }

        var blank = entity.IndexOf("\n\n", StringComparison.Ordinal);
        return blank < 0 ? (entity, "") : (entity[..blank], entity[(blank + 2)..]);
    }

    private static List<(string Name, string Value)> ParseHeaders(IEnumerable<string> lines)
    {
        var headers = new List<(string Name, string Value)>();
        foreach (var line in lines)
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && headers.Count > 0)
            {
                // A folded header continues on lines that start with white space.
                var (name, value) = headers[^1];
                headers[^1] = (name, value + " " + line.Trim());
            }
            else if (line.IndexOf(':') is > 0 and var colon)
            {
                headers.Add((line[..colon].Trim(), line[(colon + 1)..].Trim()));
            }
        }

        return headers;
    }

    private static string? Header(List<(string Name, string Value)> headers, string name) =>
        headers.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string EntityText(List<(string Name, string Value)> headers, string body, int depth)
    {
        var (mediaType, parameters) = ParseContentType(Header(headers, "Content-Type"));
        if (depth < MaxDepth && mediaType.StartsWith("multipart/", StringComparison.Ordinal) && parameters.TryGetValue("boundary", out var boundary) && boundary.Length > 0)
        {
            var parts = SplitMultipart(body, boundary)
                .Select(part =>
                {
                    var (partHeader, partBody) = SplitHeader(part);
                    var partHeaders = ParseHeaders(partHeader.Split('\n'));
                    return (Type: ParseContentType(Header(partHeaders, "Content-Type")).MediaType, Text: EntityText(partHeaders, partBody, depth + 1));
                })
                .Where(static part => part.Text.Length > 0)
                .ToList();
            if (mediaType == "multipart/alternative" && parts.FirstOrDefault(static part => part.Type == "text/plain") is { Text: not null } plain)
            {
                return plain.Text;
            }

            return string.Join("\n", parts.Select(static part => part.Text));
        }

        if (depth < MaxDepth && mediaType == "message/rfc822")
        {
            var (innerHeader, innerBody) = SplitHeader(body);
            var innerHeaders = ParseHeaders(innerHeader.Split('\n'));
            var innerSubject = HeaderText(Header(innerHeaders, "Subject"));
            return (innerSubject + "\n" + EntityText(innerHeaders, innerBody, depth + 1)).Trim();
        }

        if (!mediaType.StartsWith("text/", StringComparison.Ordinal) && !mediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            return "";
        }

        var bytes = DecodeTransfer(Header(headers, "Content-Transfer-Encoding"), body);
        var text = DecodeCharset(bytes, parameters.GetValueOrDefault("charset"));
        // Spam often sends HTML without saying so (no Content-Type, or text/plain).
        return mediaType == "text/html" || HtmlDocument().IsMatch(text) ? HtmlText(text) : text;
    }

    /// <summary>The media type (lower case; <c>text/plain</c> when absent) and parameters of a Content-Type header.</summary>
    private static (string MediaType, Dictionary<string, string> Parameters) ParseContentType(string? header)
    {
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (string.IsNullOrWhiteSpace(header))
        {
            return ("text/plain", parameters);
        }

        var pieces = header.Split(';');
        var mediaType = pieces[0].Trim().ToLowerInvariant();
        foreach (var piece in pieces.Skip(1))
        {
            var equals = piece.IndexOf('=');
            if (equals > 0)
            {
                parameters[piece[..equals].Trim()] = piece[(equals + 1)..].Trim().Trim('"');
            }
        }

        return (mediaType.Contains('/') ? mediaType : "text/plain", parameters);
    }

    private static IEnumerable<string> SplitMultipart(string body, string boundary)
    {
        var delimiter = "--" + boundary;
        StringBuilder? part = null;
        foreach (var line in body.Split('\n'))
        {
            var trimmed = line.TrimEnd();
            if (trimmed == delimiter + "--")
            {
                break;
            }

            if (trimmed == delimiter)
            {
                if (part is not null)
                {
                    yield return part.ToString();
                }

                part = new StringBuilder();
                continue;
            }

            // Lines before the first delimiter are the preamble, which mail readers do not show.
            part?.Append(line).Append('\n');
        }

        if (part is not null)
        {
            yield return part.ToString();
        }
    }

    private static byte[] DecodeTransfer(string? encoding, string body)
    {
        switch (encoding?.Trim().ToLowerInvariant())
        {
            case "base64":
                var digits = new string(body.Where(static c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/').ToArray());
                var padded = digits.PadRight((digits.Length + 3) / 4 * 4, '=');
                var decoded = new byte[padded.Length];
                return digits.Length % 4 != 1 && Convert.TryFromBase64String(padded, decoded, out var written)
                    ? decoded[..written]
                    : Encoding.Latin1.GetBytes(body);
            case "quoted-printable":
                return DecodeQuotedPrintable(body, underscoreIsSpace: false);
            default:
                return Encoding.Latin1.GetBytes(body);
        }
    }

    private static byte[] DecodeQuotedPrintable(string text, bool underscoreIsSpace)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '=' && i + 2 < text.Length && IsHex(text[i + 1]) && IsHex(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else if (c == '=' && SoftBreakLength(text, i + 1) is > 0 and var length)
            {
                i += length;
            }
            else
            {
                bytes.Add(underscoreIsSpace && c == '_' ? (byte)' ' : (byte)c);
            }
        }

        return [.. bytes];
    }

    /// <summary>The length of "optional spaces, then a line break" at <paramref name="start"/>, or 0: a soft line break after '='.</summary>
    private static int SoftBreakLength(string text, int start)
    {
        var i = start;
        while (i < text.Length && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i < text.Length && text[i] == '\n' ? i - start + 1 : i == text.Length ? i - start : 0;
    }

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private static string DecodeCharset(byte[] bytes, string? charset)
    {
        var encoding = FindEncoding(charset);
        if (encoding is not null)
        {
            return encoding.GetString(bytes);
        }

        try
        {
            return s_strictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return Windows1252.GetString(bytes);
        }
    }

    /// <summary>The encoding a charset names, or null for none, an unknown one, or US-ASCII (which real mail breaks with 8-bit bytes).</summary>
    private static Encoding? FindEncoding(string? charset)
    {
        var name = charset?.Trim().Trim('"');
        if (string.IsNullOrEmpty(name) || name.Equals("us-ascii", StringComparison.OrdinalIgnoreCase) || name.Equals("ascii", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        try
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(name) ?? Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252) ?? Encoding.Latin1;

    /// <summary>
    /// A header's text: raw 8-bit bytes (which some mailers put in headers unencoded) read as UTF-8
    /// when valid, else Windows-1252, then RFC 2047 encoded words decoded.
    /// </summary>
    private static string HeaderText(string? value) =>
        value is null ? "" : DecodeEncodedWords(DecodeCharset(Encoding.Latin1.GetBytes(value), charset: null)).Trim();

    /// <summary>Decodes RFC 2047 encoded words (<c>=?iso-8859-1?Q?caf=E9?=</c>) in a header value; white space between two of them is dropped.</summary>
    private static string DecodeEncodedWords(string value)
    {
        var decoded = EncodedWord().Replace(value, static match =>
        {
            var encoding = FindEncoding(match.Groups["charset"].Value.Split('*')[0]) ?? s_strictUtf8;
            var payload = match.Groups["text"].Value;
            byte[] bytes;
            if (match.Groups["encoding"].Value is "B" or "b")
            {
                var buffer = new byte[payload.Length];
                if (!Convert.TryFromBase64String(payload, buffer, out var written))
                {
                    return match.Value;
                }

                bytes = buffer[..written];
            }
            else
            {
                bytes = DecodeQuotedPrintable(payload, underscoreIsSpace: true);
            }

            try
            {
                return encoding.GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                return Windows1252.GetString(bytes);
            }
        });
        return decoded;
    }

    private static string HtmlText(string html)
    {
        var text = ScriptOrStyle().Replace(html, " ");
        text = HtmlComment().Replace(text, " ");
        text = BlockTag().Replace(text, "\n");
        text = Tag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text);
        text = SpacesAroundNewlines().Replace(text, "\n");
        return Spaces().Replace(text, " ").Trim();
    }

    [GeneratedRegex(@"^[!-9;-~]+:")]
    private static partial Regex HeaderLine();

    // Adjacent encoded words are joined without the white space between them (RFC 2047, section 6.2).
    [GeneratedRegex(@"=\?(?<charset>[^?\s]+)\?(?<encoding>[bBqQ])\?(?<text>[^?\s]*)\?=(?:\s+(?==\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=))?")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"<(html|body)\b", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlDocument();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex ScriptOrStyle();

    [GeneratedRegex(@"<!--.*?-->", RegexOptions.Singleline)]
    private static partial Regex HtmlComment();

    [GeneratedRegex(@"<(br|p|div|tr|li|h[1-6])\b[^<>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    // [^<>] stops at the next '<', so an unclosed '<' costs a scan to the next tag, not to the end.
    [GeneratedRegex(@"<[^<>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"[ \t\f\v\u00a0]*\n\s*")]
    private static partial Regex SpacesAroundNewlines();

    [GeneratedRegex(@"[ \t\f\v\u00a0]+")]
    private static partial Regex Spaces();
}
