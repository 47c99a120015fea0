using MimeKit;

namespace TypedMail;

/// <summary>
/// What <see cref="MimeWriter"/> returns: the MIME message, carrying the envelope it was written with (Bcc is not in the
/// headers), so that whoever receives it from <c>ToMimeMessage()</c> inside TypedMail (a sender, the recording sender,
/// the outbox) sends it to the envelope the message's parts named.
/// </summary>
internal sealed class WrittenMessage : MimeMessage
{
    public WrittenMessage(MessageEnvelope envelope)
    {
        Envelope = envelope;
    }

    /// <summary>MAIL FROM and RCPT TO.</summary>
    public MessageEnvelope Envelope { get; }
}
