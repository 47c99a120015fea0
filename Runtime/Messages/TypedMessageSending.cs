using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail;

/// <summary>
/// Sends messages generated from <c>[MailMessage]</c> classes through an <see cref="SmtpSender"/>: each is turned into
/// the message reference (Bcc in the envelope only) and goes through the sender's connection, rules and 4D semantics.
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

        using var reference = message.ToSmtpMessage();
        return await sender.SendAsync(reference, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Sends many typed messages over one connection (a mail merge): one result per message, in order; a refused
    /// message does not stop the others. Every message is rendered before the first is sent, so a message that cannot
    /// be rendered stops the merge before anything is sent.
    /// </summary>
    /// <param name="sender">The sender.</param>
    /// <param name="messages">Messages generated from <c>[MailMessage]</c> classes.</param>
    /// <param name="progress">Told after each message.</param>
    /// <param name="cancellationToken">Cancels the rest of the merge.</param>
    /// <returns>One result per message, in order.</returns>
    /// <exception cref="TypedMailException">A message cannot be rendered; nothing was sent.</exception>
    public static async Task<IReadOnlyList<SendResult>> SendManyAsync(this SmtpSender sender, IEnumerable<ITypedMailMessage> messages,
        IProgress<SendProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (sender is null)
        {
            throw new ArgumentNullException(nameof(sender));
        }

        if (messages is null)
        {
            throw new ArgumentNullException(nameof(messages));
        }

        var references = new List<SmtpMessage>();
        try
        {
            foreach (var message in messages)
            {
                references.Add(message.ToSmtpMessage());
            }

            return await sender.SendManyAsync(references, progress, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var reference in references)
            {
                reference.Dispose();
            }
        }
    }
}
