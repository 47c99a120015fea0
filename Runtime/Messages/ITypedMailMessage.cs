namespace TypedMail;

/// <summary>
/// A message generated from a <c>[MailMessage]</c> class: what a generated <c>[SmtpServer]</c> sender accepts, so one
/// sender can send any typed message.
/// </summary>
public interface ITypedMailMessage
{
    /// <summary>The message as it goes on the wire (Bcc recipients are not in it).</summary>
    MimeKit.MimeMessage ToMimeMessage();

    /// <summary>The runtime's message reference holding this message, Bcc included (envelope-only). The caller disposes it.</summary>
    SmtpMessage ToSmtpMessage();
}
