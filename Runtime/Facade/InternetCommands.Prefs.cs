using MimeKit;

namespace TypedMail;

public static partial class InternetCommands
{
    /// <summary>4D's charset&amp;Encoding values (SMTP_SetPrefs' second parameter) TypedMail supports, with their charset and body encoding.</summary>
    private static readonly (int Value, string Charset, ContentEncoding Encoding)[] BodyTypes =
    [
        (1, "utf-8", ContentEncoding.Default),
        (2, "us-ascii", ContentEncoding.SevenBit),
        (3, "us-ascii", ContentEncoding.QuotedPrintable),
        (4, "us-ascii", ContentEncoding.Base64),
        (5, "iso-8859-1", ContentEncoding.QuotedPrintable),
        (6, "iso-8859-1", ContentEncoding.Base64),
        (7, "iso-8859-1", ContentEncoding.EightBit),
        // Binary needs BINARYMIME, which few servers offer: sent as 8bit (MailKit re-encodes it when 8BITMIME is missing too).
        (8, "iso-8859-1", ContentEncoding.EightBit),
        (11, "utf-8", ContentEncoding.QuotedPrintable),
        (12, "utf-8", ContentEncoding.Base64),
    ];

    private static int _lineFeed = 1;
    private static int _bodyType = 1;
    private static int _lineLength;
    private static int _encodeHeaders;
    private static int _bodyCharset;

    /// <summary>
    /// SMTP_Charset: whether SMTP_SetPrefs' charset applies to headers (<paramref name="encodeHeaders"/>) and to the body
    /// (<paramref name="bodyCharset"/>): 1 = yes, 0 = no (UTF-8, the default), -1 = keep the current setting. As 4D's
    /// page says, it applies to the messages sent afterwards: SMTP_Send uses the setting in force when it runs, even for
    /// a message created before the call.
    /// </summary>
    public static int SMTP_Charset(int encodeHeaders, int bodyCharset)
    {
        if (encodeHeaders is < -1 or > 1 || bodyCharset is < -1 or > 1)
        {
            return ErrorCodes.InvalidArgument;
        }

        lock (SettingsLock)
        {
            _encodeHeaders = encodeHeaders == -1 ? _encodeHeaders : encodeHeaders;
            _bodyCharset = bodyCharset == -1 ? _bodyCharset : bodyCharset;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>
    /// SMTP_SetPrefs: 4D's lineFeed (1 = add, 0 = don't, -1 = keep), charset&amp;Encoding (1 = automatic: UTF-8, encoding
    /// chosen by TypedMail's MIME writer (7-bit safe); 2..4 = US-ASCII with 7bit, quoted-printable, base64; 5..8 = ISO-8859-1 with quoted-printable,
    /// base64, 8bit, binary (sent as 8bit); 11, 12 = UTF-8 with quoted-printable, base64; -1 = keep) and lineLength
    /// (0 = automatic, up to 998, -1 = keep). Every other charset&amp;Encoding value 4D code passes (0, 9, 10 ISO-2022-JP,
    /// 13 and above) is accepted and kept for SMTP_GetPrefs, and sends as automatic (UTF-8) with a warning in the log
    /// (<see cref="IT_SetLogger"/>): 4D's pages do not give their meaning, or TypedMail does not write that charset.
    /// Applies to the messages sent afterwards, including those created before. lineLength applies where MIME allows (see
    /// <see cref="MessageFormat.LineLength"/>). TypedMail always writes CRLF line ends, whatever lineFeed says.
    /// </summary>
    public static int SMTP_SetPrefs(int lineFeed, int bodyType, int lineLength)
    {
        if (lineFeed is < -1 or > 1 || lineLength is < -1 or > 998 || bodyType < -1)
        {
            return ErrorCodes.InvalidArgument;
        }

        if (bodyType != -1 && System.Array.FindIndex(BodyTypes, t => t.Value == bodyType) < 0)
        {
            SmtpLog.LegacyOption(Logger,
                $"SMTP_SetPrefs: charset&Encoding {bodyType} has no verified meaning in TypedMail; messages are sent as 1 (automatic: UTF-8, encoding chosen per body).");
        }

        lock (SettingsLock)
        {
            _lineFeed = lineFeed == -1 ? _lineFeed : lineFeed;
            _bodyType = bodyType == -1 ? _bodyType : bodyType;
            _lineLength = lineLength == -1 ? _lineLength : lineLength;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>SMTP_GetPrefs: the values SMTP_SetPrefs set (1, 1, 0 by default).</summary>
    public static int SMTP_GetPrefs(out int lineFeed, out int bodyType, out int lineLength)
    {
        lock (SettingsLock)
        {
            lineFeed = _lineFeed;
            bodyType = _bodyType;
            lineLength = _lineLength;
        }

        return ErrorCodes.NoError;
    }

    /// <summary>The format SMTP_Charset and SMTP_SetPrefs give now (unknown charset&amp;Encoding values: automatic).</summary>
    private static MessageFormat CurrentFormat()
    {
        lock (SettingsLock)
        {
            var known = System.Array.FindIndex(BodyTypes, t => t.Value == _bodyType);
            var type = BodyTypes[known < 0 ? 0 : known];
            return new MessageFormat
            {
                HeaderCharset = _encodeHeaders == 1 ? type.Charset : "utf-8",
                BodyCharset = _bodyCharset == 1 ? type.Charset : "utf-8",
                BodyEncoding = type.Encoding,
                AddLineFeeds = _lineFeed == 1,
                LineLength = _lineLength,
            };
        }
    }
}
