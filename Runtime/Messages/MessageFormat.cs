using System;
using System.Text;
using MimeKit;

namespace TypedMail;

/// <summary>
/// How one message writes its text (4D's SMTP_Charset and SMTP_SetPrefs, made per message): the charset of encoded
/// header words and of the body, the body's transfer encoding, and 4D's line settings. The default is UTF-8 everywhere
/// and a 7-bit-safe transfer encoding chosen by the MIME writer (7bit, quoted-printable or base64, so no server re-encodes it). A text the chosen charset cannot hold is sent in UTF-8 rather than with
/// characters lost; a 7-bit body that is not ASCII is sent quoted-printable. Line breaks are always CRLF on the wire.
/// </summary>
public sealed class MessageFormat
{
    /// <summary>The charset of RFC 2047 encoded words in headers and display names ("utf-8", "iso-8859-1" or "us-ascii").</summary>
    public string HeaderCharset { get; set; } = "utf-8";

    /// <summary>The charset of the text and HTML bodies ("utf-8", "iso-8859-1" or "us-ascii").</summary>
    public string BodyCharset { get; set; } = "utf-8";

    /// <summary>The bodies' transfer encoding; <see cref="ContentEncoding.Default"/> lets the MIME writer choose a 7-bit-safe one.</summary>
    public ContentEncoding BodyEncoding { get; set; } = ContentEncoding.Default;

    /// <summary>4D's lineFeed preference (1 = add LF after CR). Kept for SMTP_GetPrefs: TypedMail always writes CRLF (RFC 5322 §2.3).</summary>
    public bool AddLineFeeds { get; set; } = true;

    /// <summary>
    /// 4D's maximum body line length (0 = automatic; at most 998, RFC 5322's limit), applied where MIME allows: a text body
    /// with a longer line is sent quoted-printable instead of 7bit or 8bit (soft line breaks, the text unchanged), and
    /// quoted-printable and base64 bodies are written with lines of this length when it is under their 76 (60 at the
    /// least: MimeKit's encoders go no shorter).
    /// </summary>
    public int LineLength { get; set; }

    /// <summary>A copy, so that a message keeps the format it was created with.</summary>
    public MessageFormat Clone() => (MessageFormat)MemberwiseClone();

    internal Encoding HeaderEncoding(string text) => Fitting(HeaderCharset, text);

    internal Encoding BodyEncodingFor(string text) => Fitting(BodyCharset, text);

    internal ContentEncoding TransferEncodingFor(string text)
    {
        var chosen = BodyEncoding == ContentEncoding.SevenBit && !IsAscii(text) ? ContentEncoding.QuotedPrintable : BodyEncoding;
        return LineLength > 0 && chosen is ContentEncoding.Default or ContentEncoding.SevenBit or ContentEncoding.EightBit
            && LongestLine(text, BodyEncodingFor(text)) > LineLength
            ? ContentEncoding.QuotedPrintable
            : chosen;
    }

    /// <summary>The line length the quoted-printable or base64 encoder writes: <see cref="LineLength"/> within 60..76, or null for the encoder's own 76.</summary>
    internal int? EncodedLineLength => LineLength is > 0 and < 76 ? Math.Max(60, LineLength) : null;

    /// <summary>The longest line of <paramref name="text"/> in octets of <paramref name="encoding"/> (lines end at LF).</summary>
    private static int LongestLine(string text, Encoding encoding)
    {
        var longest = 0;
        foreach (var line in text.Split('\n'))
        {
            longest = Math.Max(longest, encoding.GetByteCount(line.TrimEnd('\r')));
        }

        return longest;
    }

    /// <summary>The charset when it can hold the whole text, else UTF-8 (nothing is replaced by '?').</summary>
    private static Encoding Fitting(string charset, string text)
    {
        if (string.Equals(charset, "utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Encoding.UTF8;
        }

        var strict = Encoding.GetEncoding(charset, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        try
        {
            strict.GetByteCount(text);
            return strict;
        }
        catch (EncoderFallbackException)
        {
            return Encoding.UTF8;
        }
    }

    private static bool IsAscii(string text)
    {
        foreach (var c in text)
        {
            if (c > 127)
            {
                return false;
            }
        }

        return true;
    }
}
