using MimeKit;

namespace TypedMail;

/// <summary>
/// The written form of a typed message, as a sender, the recording sender and the outbox take it: the MIME message from
/// the one writer and the envelope it carries (Bcc included), without passing through the message reference.
/// </summary>
internal static class TypedMessageWriting
{
    /// <summary>The message's MIME and envelope.</summary>
    /// <exception cref="TypedMailException">The message cannot be rendered (an invalid address, a line break in a header value...).</exception>
    public static (MimeMessage Message, MessageEnvelope Envelope) Write(ITypedMailMessage message)
    {
        var mime = message.ToMimeMessage();
        if (mime is WrittenMessage written)
        {
            return (written, written.Envelope);
        }

        // A hand-written ITypedMailMessage: its own MIME, with the envelope of its message reference.
        using var reference = message.ToSmtpMessage();
        var envelope = MessageEnvelope.Of(reference.Sender, reference.From, reference.EnvelopeRecipients());
        return (mime, envelope);
    }
}
