using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail;

/// <summary>The SMTP envelope of a written message: MAIL FROM (Sender, else the first From) and RCPT TO (To, Cc, Bcc, each address once).</summary>
internal sealed class MessageEnvelope
{
    public MessageEnvelope(MailboxAddress? sender, IReadOnlyList<MailboxAddress> recipients)
    {
        Sender = sender;
        Recipients = recipients;
    }

    /// <summary>The envelope of a message: Sender when set, else the first From; the recipients in order, each address once.</summary>
    public static MessageEnvelope Of(MailboxAddress? sender, IEnumerable<MailboxAddress> from, IEnumerable<MailboxAddress> recipients)
    {
        var distinct = new List<MailboxAddress>();
        foreach (var mailbox in recipients)
        {
            if (!distinct.Any(r => MailboxList.SameAddress(r, mailbox)))
            {
                distinct.Add(mailbox);
            }
        }

        return new MessageEnvelope(sender ?? from.FirstOrDefault(), distinct);
    }

    /// <summary>The envelope sender, or null when the message has no From.</summary>
    public MailboxAddress? Sender { get; }

    /// <summary>The envelope recipients, Bcc included.</summary>
    public IReadOnlyList<MailboxAddress> Recipients { get; }
}
