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
    /// Sends <paramref name="message"/>, taking the mark after its data and before its end-of-data marker when the
    /// sender is TypedMail's own <see cref="SmtpSender"/>: a worker killed before that point leaves an entry the server
    /// cannot have (it discards a transaction without its final dot), so it goes back to Pending, not Unknown. Any other
    /// <see cref="ISmtpSender"/> (a test double) gets the mark before the send starts, the earliest moment that still
    /// covers the dot. Either way "never twice" is exact: no end of data is written without a durable mark before it.
    /// </summary>
    /// <exception cref="LeaseLostException">The mark could not be written (the lease was lost): the message was not completed.</exception>
    public async Task<SendResult> SendAsync(MimeMessage message, MailboxAddress envelopeSender, IReadOnlyList<MailboxAddress> recipients, Func<CancellationToken, Task> beforeEndOfData, CancellationToken cancellationToken)
    {
        if (_sender is not SmtpSender smtp)
        {
            await beforeEndOfData(cancellationToken).ConfigureAwait(false);
            return await _sender.SendAsync(message, envelopeSender, recipients, cancellationToken).ConfigureAwait(false);
        }

        Exception? markFailure = null;
        var result = await smtp.SendMarkedAsync(message, envelopeSender, recipients, async ct =>
        {
            try
            {
                await beforeEndOfData(ct).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // The send stops before the end of data (the server discards the transaction); the caller learns why.
                markFailure = ex;
                throw;
            }
        }, cancellationToken).ConfigureAwait(false);
        if (markFailure is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(markFailure).Throw();
        }

        return result;
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
