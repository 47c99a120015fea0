using System;
using System.IO;

namespace TypedMail;

/// <summary>
/// 4D Internet Commands' "IC Send Mail" theme with 4D's names, so that 4D code ports line by line:
/// <c>using static TypedMail.InternetCommands;</c>. Every member returns an error code (0 = success, see
/// <see cref="ErrorCodes"/>) except <see cref="IT_ErrorText"/>; no exception escapes. Handles are ints in a
/// thread-safe table; a cleared or unknown handle gives 10004.
/// </summary>
public static partial class InternetCommands
{
    /// <summary>SMTP_New: creates a message reference. SMTP_Charset and SMTP_SetPrefs apply as they are when SMTP_Send runs.</summary>
    /// <param name="smtpId">The new handle (0 on failure).</param>
    public static int SMTP_New(out int smtpId)
    {
        var message = new SmtpMessage { Format = CurrentFormat() };
        if (MessageHandles.TryAdd(message, out smtpId))
        {
            return ErrorCodes.NoError;
        }

        message.Dispose();
        return ErrorCodes.NoMoreReferences;
    }

    /// <summary>SMTP_Host: option 0 sets the SMTP host, 1 removes it. The port comes from <see cref="IT_SetPort"/>.</summary>
    public static int SMTP_Host(int smtpId, string host, int option = 0) => Edit(smtpId, m =>
    {
        switch (option)
        {
            case 0:
                m.Host = host;
                break;
            case 1:
                m.Host = null;
                break;
            default:
                throw Option(option, "0 (set) or 1 (remove)");
        }
    });

    /// <summary>SMTP_From: 0 = append, 1 = replace (empty removes), 2 = remove.</summary>
    public static int SMTP_From(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetFrom(value, AddressOptionOf(option)));

    /// <summary>SMTP_Sender: one address; 0 or 1 = set (empty with 1 removes), 2 = remove.</summary>
    public static int SMTP_Sender(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetSender(value, AddressOptionOf(option)));

    /// <summary>SMTP_ReplyTo: 0 = append, 1 = replace, 2 = remove only the addresses given.</summary>
    public static int SMTP_ReplyTo(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetReplyTo(value, AddressOptionOf(option)));

    /// <summary>SMTP_To: 0 = append, 1 = replace (empty removes), 2 = remove all. Lists split on comma, ';', CR and LF.</summary>
    public static int SMTP_To(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetTo(value, AddressOptionOf(option)));

    /// <summary>SMTP_Cc: as <see cref="SMTP_To"/>.</summary>
    public static int SMTP_Cc(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetCc(value, AddressOptionOf(option)));

    /// <summary>SMTP_Bcc: as <see cref="SMTP_To"/>; envelope only, never written into the headers.</summary>
    public static int SMTP_Bcc(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetBcc(value, AddressOptionOf(option)));

    /// <summary>SMTP_Subject: 0 = replace unless empty, 1 = replace (empty removes), 2 = remove.</summary>
    public static int SMTP_Subject(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetSubject(value, TextOptionOf(option)));

    /// <summary>SMTP_Comments: as <see cref="SMTP_Subject"/>.</summary>
    public static int SMTP_Comments(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetComments(value, TextOptionOf(option)));

    /// <summary>SMTP_Keywords: as <see cref="SMTP_Subject"/>.</summary>
    public static int SMTP_Keywords(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetKeywords(value, TextOptionOf(option)));

    /// <summary>SMTP_References: as <see cref="SMTP_Subject"/>.</summary>
    public static int SMTP_References(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetReferences(value, TextOptionOf(option)));

    /// <summary>SMTP_InReplyTo: as <see cref="SMTP_Subject"/>.</summary>
    public static int SMTP_InReplyTo(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetInReplyTo(value, TextOptionOf(option)));

    /// <summary>SMTP_Encrypted: as <see cref="SMTP_Subject"/>.</summary>
    public static int SMTP_Encrypted(int smtpId, string value, int option = 0) => Edit(smtpId, m => m.SetEncrypted(value, TextOptionOf(option)));

    /// <summary>
    /// SMTP_Body: 4D's single body. 0 = replace it unless the text is empty, 1 = replace it (empty deletes it), 2 = append
    /// to it; +4 marks it HTML (4, 5, 6). Replacing without +4 makes it plain text; appending without +4 keeps its mark;
    /// <c>SMTP_Body(id; ""; 4)</c> marks the current body HTML. An HTML body is sent with a plain-text alternative
    /// generated from it (<see cref="SmtpMessage.TextAlternative"/>), an addition that leaves the HTML as written.
    /// </summary>
    public static int SMTP_Body(int smtpId, string value, int option = 0) => Edit(smtpId, m =>
    {
        var markHtml = (option & 4) != 0;
        var basic = option & ~4;
        if (basic is < 0 or > 2)
        {
            throw Option(option, "0, 1 or 2, plus 4 for HTML");
        }

        var wasHtml = m.HtmlBody is not null;
        var current = m.HtmlBody ?? m.TextBody;
        var empty = string.IsNullOrEmpty(value);
        var body = (BodyOption)basic switch
        {
            BodyOption.ReplaceUnlessEmpty => empty ? current : value,
            BodyOption.Replace => empty ? null : value,
            _ => empty ? current : current + value,
        };
        var html = markHtml || (wasHtml && (basic == (int)BodyOption.Append || (basic == (int)BodyOption.ReplaceUnlessEmpty && empty)));
        m.SetBody(string.Empty, BodyOption.Replace, !html);
        m.SetBody(body ?? string.Empty, BodyOption.Replace, html);
    });

    /// <summary>SMTP_AddHeader: 0 = add, 1 = replace all of that name, 2 = remove all of that name.</summary>
    public static int SMTP_AddHeader(int smtpId, string name, string value, int option = 0) => Edit(smtpId, m =>
    {
        if (option is < 0 or > 2)
        {
            throw Option(option, "0, 1 or 2");
        }

        m.AddHeader(name, value, (HeaderOption)option);
    });

    /// <summary>
    /// SMTP_Attachment: option 0 = add, 1 = replace all with this one, 2 = remove this one. Encode type, as 4D: positive =
    /// encode at send time, negative = the file is already encoded. ±2 = Base64, ±7 = UUEncode, 0 = none (MimeKit picks
    /// a transfer encoding the server accepts). The Macintosh-only ±1 (BinHex), ±3..±6 (AppleSingle, AppleDouble, with or
    /// without Base64) send the file as it is, in Base64, with a warning in the log naming 4D's option: the file always
    /// goes, and the result is 0. A content-id makes an inline part for <c>cid:</c> references in the HTML body; a MIME
    /// type replaces the one guessed from the file name.
    /// </summary>
    public static int SMTP_Attachment(int smtpId, string path, int encodeType, int option = 0, string? contentId = null, string? mimeType = null) => Edit(smtpId, m =>
    {
        if (option is < 0 or > 2)
        {
            throw Option(option, "0, 1 or 2");
        }

        var macintosh = option != 2 && MacintoshEncodings.TryGetValue(System.Math.Abs(encodeType), out var name) ? name : null;
        m.AttachFile(path, macintosh is null ? encodeType : 2, (AttachmentOption)option,
            string.IsNullOrEmpty(contentId) ? null : contentId, string.IsNullOrEmpty(mimeType) ? null : mimeType);
        if (macintosh is not null)
        {
            SmtpLog.LegacyOption(Logger, encodeType > 0
                ? $"SMTP_Attachment: encode type {encodeType} ({macintosh}) is Macintosh-only; '{Path.GetFileName(path)}' is sent in Base64, which every current client reads."
                : $"SMTP_Attachment: encode type {encodeType} (already {macintosh}); '{Path.GetFileName(path)}' is sent as it is, in Base64.");
        }
    });

    /// <summary>4D's Macintosh-only attachment encodings (by absolute encode type), sent as Base64.</summary>
    private static readonly System.Collections.Generic.Dictionary<int, string> MacintoshEncodings = new()
    {
        [1] = "BinHex",
        [3] = "AppleSingle",
        [4] = "AppleDouble",
        [5] = "AppleSingle and Base64",
        [6] = "AppleDouble and Base64",
    };

    /// <summary>
    /// SMTP_Date: the Date header from a date, a time of day and 4D's zone code. <paramref name="date"/>'s time of day
    /// is ignored (4D's date and time are separate values). Zone 0: <paramref name="offset"/> is the offset from
    /// Universal Time in hours (-12..14); zone 1: the local machine's offset for that date (offset ignored); zones
    /// 2..6 (4D's legacy zone tables) give 10001. Option 0 = set, 1 = remove (the other arguments ignored).
    /// With no Date set, the current date is written at send time.
    /// </summary>
    public static int SMTP_Date(int smtpId, DateTime date, TimeSpan time, int zone, int offset, int option = 0) => Edit(smtpId, m =>
    {
        switch (option)
        {
            case 1:
                m.RemoveDate();
                return;
            case not 0:
                throw Option(option, "0 (set) or 1 (remove)");
        }

        if (time < TimeSpan.Zero || time >= TimeSpan.FromDays(1))
        {
            throw new TypedMailException(ErrorCodes.InvalidArgument, $"The time {time} is not a time of day.");
        }

        var local = DateTime.SpecifyKind(date.Date + time, DateTimeKind.Unspecified);
        switch (zone)
        {
            case 0 when offset is >= -12 and <= 14:
                m.SetDate(new DateTimeOffset(local, TimeSpan.FromHours(offset)));
                break;
            case 0:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Offset {offset} h is outside -12..14.");
            case 1:
                m.SetDate(new DateTimeOffset(local, TimeZoneInfo.Local.GetUtcOffset(local)));
                break;
            case >= 2 and <= 6:
                throw new TypedMailException(ErrorCodes.Unimplemented, $"Time zone code {zone} (4D's legacy zone tables) is not supported: use 0 with an offset in hours, or 1.");
            default:
                throw new TypedMailException(ErrorCodes.InvalidArgument, $"Time zone code {zone} is not 0..6.");
        }
    });

    /// <summary>
    /// SMTP_Auth: credentials and mechanism (0 = the most secure offered, CRAM-MD5 &gt; LOGIN &gt; PLAIN; 1 = PLAIN;
    /// 2 = LOGIN; 3 = CRAM-MD5). An empty user or password means no authentication. A forced mechanism the server
    /// does not offer fails the send (12003).
    /// </summary>
    public static int SMTP_Auth(int smtpId, string user, string password, int authMode = 0) => Edit(smtpId, m =>
    {
        if (authMode is < 0 or > 3)
        {
            throw Option(authMode, "0, 1, 2 or 3");
        }

        m.SetAuth(user, password, (AuthMode)authMode);
    });

    /// <summary>SMTP_Clear: frees the message; <paramref name="smtpId"/> becomes 0. An unknown handle gives 10004.</summary>
    public static int SMTP_Clear(ref int smtpId)
    {
        if (!MessageHandles.TryRemove(smtpId, out var message))
        {
            return ErrorCodes.InvalidReference;
        }

        message.Dispose();
        smtpId = 0;
        return ErrorCodes.NoError;
    }

    /// <summary>IT_ErrorText: a sentence for any code this facade returns.</summary>
    public static string IT_ErrorText(int code) => ErrorCodes.Text(code);

    private static int Edit(int smtpId, Action<SmtpMessage> edit) => Guard(() =>
    {
        if (!MessageHandles.TryGet(smtpId, out var message))
        {
            return ErrorCodes.InvalidReference;
        }

        edit(message);
        return ErrorCodes.NoError;
    });

    /// <summary>Exceptions never leave the facade: each becomes a code.</summary>
    private static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (TypedMailException ex)
        {
            return ex.Code;
        }
        catch (ObjectDisposedException)
        {
            return ErrorCodes.InvalidReference;
        }
        catch (OperationCanceledException)
        {
            return ErrorCodes.Cancelled;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException)
        {
            return ErrorCodes.InvalidArgument;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ErrorCodes.AttachmentUnreadable;
        }
        catch (Exception)
        {
            return ErrorCodes.UnexpectedError;
        }
    }

    private static TypedMailException Option(int option, string expected) =>
        new(ErrorCodes.InvalidArgument, $"Option {option} is not {expected}.");

    private static AddressOption AddressOptionOf(int option) =>
        option is >= 0 and <= 2 ? (AddressOption)option : throw Option(option, "0, 1 or 2");

    private static TextOption TextOptionOf(int option) =>
        option is >= 0 and <= 2 ? (TextOption)option : throw Option(option, "0, 1 or 2");
}
