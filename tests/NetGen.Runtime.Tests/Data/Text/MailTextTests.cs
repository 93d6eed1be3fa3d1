using System.Text;
using NetGen.Data;
using NetGen.Data.Text;

namespace NetGen.Runtime.Tests.Data.Text;

/// <summary>The subject and body text of raw messages: encodings, character sets, multipart bodies and HTML.</summary>
public sealed class MailTextTests
{
    private static string Extract(string message, Encoding? encoding = null) =>
        MailText.Extract((encoding ?? Encoding.Latin1).GetBytes(message.Replace("\n", "\r\n")), "message.eml");

    [Fact]
    public void ThePlainTextIsTheSubjectThenTheBodyWithoutOtherHeaders()
    {
        var text = Extract("From someone@example.com  Thu Aug 22 12:36:23 2002\nReturn-Path: <a@b.c>\nSubject: Meeting\n  moved\nTo: x@y.z\n\nSee you on Monday.\n");

        Assert.Equal("Meeting moved\nSee you on Monday.", text);
    }

    [Fact]
    public void QuotedPrintableIsDecodedInItsCharacterSet()
    {
        var text = Extract("Subject: =?iso-8859-1?Q?Caf=E9_cr=E8me?=\nContent-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\n\nna=EFve soft=\nbreak, 100=25\n");

        Assert.Equal("Café crème\nnaïve softbreak, 100%", text);
    }

    [Fact]
    public void Base64IsDecodedAsUtf8()
    {
        var body = System.Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße aus Köln"));
        var text = Extract($"Subject: =?utf-8?B?{System.Convert.ToBase64String(Encoding.UTF8.GetBytes("Grüße"))}?= =?utf-8?Q?_und_mehr?=\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n{body[..10]}\n{body[10..]}\n");

        Assert.Equal("Grüße und mehr\nGrüße aus Köln", text);
    }

    [Fact]
    public void UndeclaredTextIsUtf8WhenValidAndWindows1252Otherwise()
    {
        Assert.Equal("s\nrésumé", Extract("Subject: s\n\nrésumé\n", Encoding.UTF8));
        Assert.Equal("s\nrésumé – €5", Extract("Subject: s\nContent-Type: text/plain; charset=us-ascii\n\nrésumé – €5\n", CodePagesEncodingProvider.Instance.GetEncoding(1252)!));
    }

    [Fact]
    public void AnUnencodedEightBitSubjectIsReadAsUtf8WhenValid()
    {
        Assert.Equal("Grüße\nx", Extract("Subject: Grüße\n\nx\n", Encoding.UTF8));
        Assert.Equal("Grüße\nx", Extract("Subject: Grüße\n\nx\n", Encoding.Latin1));
    }

    [Fact]
    public void AnUnknownCharacterSetFallsBackInsteadOfFailing() =>
        Assert.Equal("s\ncafé", Extract("Subject: s\nContent-Type: text/plain; charset=x-unknown-42\n\ncafé\n"));

    [Fact]
    public void MultipartAlternativePrefersThePlainPartAndSkipsAttachments()
    {
        var text = Extract("""
            Subject: Offer
            Content-Type: multipart/mixed; boundary="outer"

            This is a multi-part message in MIME format.
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain

            Plain words.
            --inner
            Content-Type: text/html

            <p>HTML words</p>
            --inner--
            --outer
            Content-Type: image/gif
            Content-Transfer-Encoding: base64

            R0lGODlhAQABAAAAACw=
            --outer
            Content-Type: text/plain

            Second text part.
            --outer--
            epilogue
            """);

        Assert.Equal("Offer\nPlain words.\n\nSecond text part.", text.Replace("\r", ""));
    }

    [Fact]
    public void HtmlIsReducedToItsText()
    {
        var text = Extract("""
            Subject: Deal
            Content-Type: text/html

            <html><head><style>p { color: red; }</style><script>var x = "<b>";</script></head>
            <body><!-- hidden <p>comment</p> --><p>Buy&nbsp;<b>now</b> &amp; save&#33;</p><br>Unclosed < tag</body></html>
            """);

        Assert.Equal("Deal\nBuy now & save!\nUnclosed < tag", text);
    }

    [Fact]
    public void AnEmptyFileIsNamed()
    {
        var error = Assert.Throws<DataFormatException>(() => MailText.Extract([], "/data/ham/00001.abc"));

        Assert.Equal("00001.abc is empty, not a mail message.", error.Message);
        Assert.Equal("/data/ham/00001.abc", error.Path);
    }

    [Fact]
    public void AFileWithoutHeadersIsNamed()
    {
        var error = Assert.Throws<DataFormatException>(() => MailText.Extract(Encoding.UTF8.GetBytes("just some text\n\nmore"), "/data/spam/00002.def"));

        Assert.Equal("00002.def does not start with mail headers: its first line is 'just some text'.", error.Message);
    }

    [Fact]
    public void AMessageWithoutABodyIsItsSubject() =>
        Assert.Equal("Only a subject", Extract("Subject: Only a subject\nTo: a@b.c"));

    [Fact]
    public void AnHtmlDocumentSentAsPlainTextIsReadAsHtml()
    {
        Assert.Equal("s\nBig & bold", Extract("Subject: s\n\n<HTML><BODY><B>Big &amp; bold</B></BODY></HTML>\n"));
        Assert.Equal("s\na <b> tag in prose", Extract("Subject: s\n\na <b> tag in prose\n"));
    }
}
