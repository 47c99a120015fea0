using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail.Outbox;

/// <summary>
/// The one seam between the worker and the sender: send a stored message to its envelope, calling
/// <c>beforeEndOfData</c> (the durable mark) before the server can have the whole message.
/// </summary>
internal sealed class DeliveryTransport
{
    private readonly ISmtpSender _sender;

    public DeliveryTransport(ISmtpSender sender)
    {
        _sender = sender;
    }

    /// <summary>
    /// Sends <paramref name="message"/>. The mark is written before the send starts: the sender has no hook at the final
    /// dot yet, so the mark is taken at the earliest moment that still covers it. That keeps "never twice" exact; its
    /// cost is that a worker killed during a send that had not reached the dot leaves Unknown rather than Pending.
    /// </summary>
    /// <exception cref="LeaseLostException">The mark could not be written (the lease was lost): nothing was sent.</exception>
    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IReadOnlyList<MailboxAddress> recipients, Func<CancellationToken, Task> beforeEndOfData, CancellationToken cancellationToken)
    {
        await beforeEndOfData(cancellationToken).ConfigureAwait(false);
        return await _sender.SendAsync(message, envelopeSender, recipients, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>The worker no longer holds an entry's lease (it expired and another worker or a recovery took it): it must not send it.</summary>
internal sealed class LeaseLostException : Exception
{
    public LeaseLostException(long id)
        : base($"TypedMail outbox: the lease on entry {id} was lost before its end of data; it was not sent by this worker.")
    {
    }
}
