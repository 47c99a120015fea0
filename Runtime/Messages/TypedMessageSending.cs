using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail;

/// <summary>
/// Sends messages generated from <c>[MailMessage]</c> classes through an <see cref="SmtpSender"/>: each is written by the
/// one MIME writer and sent to its envelope (Bcc in the envelope only) through the sender's connection and rules.
/// </summary>
public static class TypedMessageSending
{
    /// <summary>Sends one typed message over the sender's connection (opened on first use, kept open).</summary>
    /// <param name="sender">The sender.</param>
    /// <param name="message">A message generated from a <c>[MailMessage]</c> class.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome: code 0 when every recipient accepted the message.</returns>
    /// <exception cref="TypedMailException">The message cannot be rendered (an invalid address, a line break in a header value).</exception>
    public static async Task<SendResult> SendAsync(this SmtpSender sender, ITypedMailMessage message, CancellationToken cancellationToken = default)
    {
        if (sender is null)
        {
            throw new ArgumentNullException(nameof(sender));
        }

        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        return await RenderAndSendAsync(sender, message, cancellationToken, session: null, renderFailureThrows: true).ConfigureAwait(false);
    }

    /// <summary>Sends one typed message through any <see cref="ISmtpSender"/> (an <see cref="SmtpSender"/>, or a recording double in tests).</summary>
    /// <param name="sender">The sender.</param>
    /// <param name="message">A message generated from a <c>[MailMessage]</c> class.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The outcome: code 0 when every recipient accepted the message.</returns>
    /// <exception cref="TypedMailException">The message cannot be rendered (an invalid address, a line break in a header value).</exception>
    public static Task<SendResult> SendAsync(ISmtpSender sender, ITypedMailMessage message, CancellationToken cancellationToken = default)
    {
        if (sender is null)
        {
            throw new ArgumentNullException(nameof(sender));
        }

        return sender is SmtpSender smtp ? SendAsync(smtp, message, cancellationToken) : sender.SendAsync(message, cancellationToken);
    }

    /// <summary>
    /// Sends many typed messages over one connection (a mail merge): exactly one result per message, in order. A
    /// message that is refused, or whose rendering throws anything (an invalid address, a line break in a header value,
    /// a <see cref="FormatException"/>, an unknown culture, an unreadable file...), gets a failed result with its code
    /// and does not stop the others. The merge stops only when the session could not be opened twice in a row (the
    /// rest get 12020) or when cancelled (the rest get 10000); see <see cref="SendResult.Outcome"/>. The connection is
    /// closed with QUIT at the end.
    /// </summary>
    /// <param name="sender">The sender.</param>
    /// <param name="messages">Messages generated from <c>[MailMessage]</c> classes, rendered one at a time as they are sent.</param>
    /// <param name="progress">Told after each message.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    /// <returns>One result per message, in order.</returns>
    public static Task<IReadOnlyList<SendResult>> SendManyAsync(this SmtpSender sender, IEnumerable<ITypedMailMessage> messages,
        IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (sender is null)
        {
            throw new ArgumentNullException(nameof(sender));
        }

        return sender.MergeAsync(messages, (message, session, ct) => RenderAndSendAsync(sender, message, ct, session), progress, cancellationToken);
    }

    /// <summary>
    /// Sends many typed messages over up to <paramref name="connections"/> connections at once (a parallel mail merge):
    /// one result per message in input order, progress across all, the rules of the one-connection overload; never more
    /// connections than asked, and a 421 while a connection opens lowers the count. Each connection sends QUIT at the end.
    /// </summary>
    /// <param name="sender">The sender (the merge rents its connections from the sender's pool).</param>
    /// <param name="messages">Messages generated from <c>[MailMessage]</c> classes, rendered one at a time as they are sent.</param>
    /// <param name="connections">How many connections at most (1 or more); capped by <see cref="SmtpSettings.MaxConnections"/>.</param>
    /// <param name="progress">Told after each message, from any connection.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    /// <returns>One result per message, in input order.</returns>
    public static Task<IReadOnlyList<SendResult>> SendManyAsync(this SmtpSender sender, IEnumerable<ITypedMailMessage> messages, int connections,
        IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (sender is null)
        {
            throw new ArgumentNullException(nameof(sender));
        }

        return sender.ParallelMergeAsync(messages, connections, (message, session, ct) => RenderAndSendAsync(sender, message, ct, session), progress, cancellationToken);
    }

    private static async Task<SendResult> RenderAndSendAsync(SmtpSender sender, ITypedMailMessage message, CancellationToken cancellationToken, SmtpSession? session = null,
        bool renderFailureThrows = false)
    {
        if (message is null)
        {
            return SendResult.Failure(ErrorCodes.InvalidReference, "The merge holds a null message.");
        }

        MimeMessage mime;
        MessageEnvelope envelope;
        try
        {
            (mime, envelope) = TypedMessageWriting.Write(message);
        }
        catch (Exception ex) when (!renderFailureThrows)
        {
            // Nothing of this message reached the wire: report it as not sent and go on with the merge.
            return RenderFailure.From(ex);
        }

        return await sender.SendAsync(mime, envelope, session, cancellationToken).ConfigureAwait(false);
    }
}
