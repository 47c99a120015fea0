using System.Collections.Generic;
using System.Linq;
using MimeKit;

namespace TypedMail.Testing;

/// <summary>One message given to a <see cref="RecordingSmtpSender"/>: what the code under test sent, and what it was told.</summary>
public sealed class SentMessage
{
    internal SentMessage(int sequence, ITypedMailMessage? typed, MimeMessage mime, string envelopeSender, IReadOnlyList<string> envelopeRecipients, SendResult result)
    {
        Sequence = sequence;
        Typed = typed;
        Mime = mime;
        EnvelopeSender = envelopeSender;
        EnvelopeRecipients = envelopeRecipients;
        Result = result;
    }

    /// <summary>1 for the first message given to the sender, 2 for the next...</summary>
    public int Sequence { get; }

    /// <summary>The typed message (a <c>[MailMessage]</c> class), or <see langword="null"/> when a MIME message or a message reference was sent.</summary>
    public ITypedMailMessage? Typed { get; }

    /// <summary>The message as it would have gone on the wire (no Bcc header).</summary>
    public MimeMessage Mime { get; }

    /// <summary>MAIL FROM.</summary>
    public string EnvelopeSender { get; }

    /// <summary>RCPT TO, one per recipient: To, Cc and Bcc.</summary>
    public IReadOnlyList<string> EnvelopeRecipients { get; }

    /// <summary>What the sender answered.</summary>
    public SendResult Result { get; }

    /// <summary>Whether the message counts as sent: at least one recipient accepted it.</summary>
    public bool Delivered => Result.Delivered;

    /// <summary>The subject.</summary>
    public string? Subject => Mime.Subject;

    /// <summary>The plain-text body, if any.</summary>
    public string? TextBody => Mime.TextBody;

    /// <summary>The HTML body, if any.</summary>
    public string? HtmlBody => Mime.HtmlBody;

    /// <summary>The type name of the typed message, or "MIME message".</summary>
    public string Kind => Typed?.GetType().Name ?? "MIME message";

    /// <summary>The recipients that accepted the message (a refused one is in <see cref="EnvelopeRecipients"/> only).</summary>
    public IReadOnlyList<string> DeliveredTo => Result.Recipients.Where(r => r.Accepted).Select(r => r.Address).ToList();

    /// <summary>Whether <paramref name="address"/> accepted the message (compared without regard to case).</summary>
    /// <param name="address">An e-mail address.</param>
    public bool WasDeliveredTo(string address) =>
        DeliveredTo.Any(r => string.Equals(r, address, System.StringComparison.OrdinalIgnoreCase));

    /// <summary>One line: sequence, kind, recipients, subject and result, as failure messages list it.</summary>
    public override string ToString() =>
        $"#{Sequence} {Kind} to {string.Join(", ", EnvelopeRecipients)}, subject \"{Subject}\" -> {Result}";
}
