namespace TypedMail;

/// <summary>
/// A message generated from a <c>[MailMessage]</c> class: what a generated <c>[SmtpServer]</c> sender accepts, so one
/// sender can send any typed message.
/// </summary>
public interface ITypedMailMessage
{
    /// <summary>
    /// The message as it goes on the wire, rendered by straight-line code: placeholders formatted with the class's
    /// culture (invariant unless <c>[MailMessage(Culture = ...)]</c>), HTML-encoded in the HTML body;
    /// multipart/alternative for text + HTML, multipart/related for <c>cid:</c> parts, multipart/mixed for attachments.
    /// Bcc recipients are not in it (they travel in the envelope only: send with <c>SendAsync</c> or <see cref="ToSmtpMessage"/>).
    /// </summary>
    /// <returns>The MIME message.</returns>
    /// <exception cref="TypedMailException">An address is invalid, or a value would put CR or LF into a header: refused (never folded), so no value can add a header.</exception>
    MimeKit.MimeMessage ToMimeMessage();

    /// <summary>
    /// The runtime's message reference holding this message (Bcc included, envelope-only), for <see cref="SmtpSender"/>
    /// and the 4D-style API. The caller owns it and disposes it.
    /// </summary>
    /// <returns>The message reference.</returns>
    /// <exception cref="TypedMailException">An address is invalid, or a value would put CR or LF into a header.</exception>
    SmtpMessage ToSmtpMessage();
}
