using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail;

/// <summary>
/// What sends mail: <see cref="SmtpSender"/> over SMTP, or a recording double in application tests
/// (<c>TypedMail.Testing</c>). <c>AddTypedMail</c> registers it; inject this interface rather than the class so that a
/// test can swap it.
/// </summary>
public interface ISmtpSender
{
    /// <summary>Sends one message generated from a <c>[MailMessage]</c> class.</summary>
    /// <param name="message">The typed message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome: code 0 when every recipient accepted the message.</returns>
    /// <exception cref="TypedMailException">The message cannot be rendered (an invalid address, a line break in a header value).</exception>
    Task<SendResult> SendAsync(ITypedMailMessage message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Sends many typed messages (a mail merge): one result per message, in order; a message that is refused or cannot be
    /// rendered gets a failed result and does not stop the others.
    /// </summary>
    /// <param name="messages">The typed messages, rendered one at a time as they are sent.</param>
    /// <param name="progress">Told after each message.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    /// <returns>One result per message, in order.</returns>
    Task<IReadOnlyList<SendResult>> SendManyAsync(IEnumerable<ITypedMailMessage> messages, IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Sends the message reference (4D semantics: checked first, Bcc in the envelope only).</summary>
    /// <param name="message">The message reference.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome.</returns>
    Task<SendResult> SendAsync(SmtpMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a MIME message; the envelope comes from Sender (or the first From) and To, Cc and Bcc.</summary>
    /// <param name="message">The MIME message.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome.</returns>
    Task<SendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends a MIME message with an explicit envelope (MAIL FROM and RCPT TO).</summary>
    /// <param name="message">The MIME message.</param>
    /// <param name="envelopeSender">MAIL FROM.</param>
    /// <param name="envelopeRecipients">RCPT TO, one per recipient.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome.</returns>
    Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IEnumerable<MailboxAddress> envelopeRecipients, CancellationToken cancellationToken = default);
}
