using System.ComponentModel;
using System.IO;
using MimeKit;

namespace TypedMail;

/// <summary>
/// What the code generated for <c>[MailMessage]</c> classes calls while rendering, so that it refuses and parses exactly
/// as the message reference does. Not meant for hand-written code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class MessageRendering
{
    /// <summary>Returns <paramref name="value"/> when it holds no line break; a CR or LF would start a header of its own.</summary>
    /// <param name="value">The rendered header value.</param>
    /// <param name="header">The header's name, for the error.</param>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.HeaderInjection"/>.</exception>
    public static string HeaderValue(string value, string header)
    {
        HeaderText.RefuseLineBreaks(value, header + " header");
        return value;
    }

    /// <summary>Adds the mailboxes of a 4D-style address list (',', ';', CR or LF between items) to <paramref name="list"/>.</summary>
    /// <param name="list">Where the mailboxes go.</param>
    /// <param name="addresses">The list; <see langword="null"/> or blank adds nothing.</param>
    /// <param name="field">The field's name, for the error.</param>
    /// <exception cref="TypedMailException">Code <see cref="ErrorCodes.InvalidAddress"/> or <see cref="ErrorCodes.HeaderInjection"/>.</exception>
    public static void AddAddresses(InternetAddressList list, string? addresses, string field)
    {
        foreach (var mailbox in MailboxList.Parse(addresses, field))
        {
            list.Add(mailbox);
        }
    }

    /// <summary>The content of an attachment stream; a seekable stream is read from its start, so rendering twice gives the same bytes.</summary>
    /// <param name="stream">The attachment's stream.</param>
    public static byte[] ReadAll(Stream stream)
    {
        if (stream.CanSeek)
        {
            stream.Position = 0;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
