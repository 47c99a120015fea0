using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail.Mailbox.Web;

/// <summary>What a row of the list shows of a message, taken once when it arrives, so listing never parses a message.</summary>
internal sealed record InboxRow(string From, IReadOnlyList<string> To, string Subject, int Attachments)
{
    public static InboxRow Of(MimeMessage message) => new(
        message.From.ToString(),
        message.To.Select(address => address.ToString()).ToArray(),
        message.Subject ?? string.Empty,
        MailDocument.PartsOf(message).Count(part => !part.IsInline));
}
