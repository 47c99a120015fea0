using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox;

/// <summary>
/// The outbox: a message enqueued here is rendered at once and kept in the database until the delivery worker has sent
/// it, or knows it cannot (Failed), or cannot know (Unknown). Register it with <c>AddTypedMailOutbox</c>.
/// </summary>
public interface IMailOutbox
{
    /// <summary>Renders <paramref name="message"/> and stores it (in its own transaction) for delivery.</summary>
    /// <returns>The new entry, or the existing one when <see cref="EnqueueOptions.IdempotencyKey"/> is already in the outbox.</returns>
    /// <exception cref="TypedMailException">The message cannot be rendered (an invalid address, a line break in a header value...).</exception>
    Task<OutboxEntry> EnqueueAsync(ITypedMailMessage message, EnqueueOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders <paramref name="message"/> and stores it in the caller's <paramref name="transaction"/> on the outbox's own
    /// database: rolled back, no mail; committed, the mail will go.
    /// </summary>
    /// <exception cref="System.ArgumentException">The transaction is not on the outbox's kind of connection, or not on its database.</exception>
    /// <exception cref="TypedMailException">The message cannot be rendered.</exception>
    Task<OutboxEntry> EnqueueAsync(ITypedMailMessage message, DbTransaction transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Renders and stores many messages in one transaction (a merge: thousands a second). A message whose key is already
    /// in the outbox is skipped, so running the merge again after a crash stores only what is missing.
    /// </summary>
    /// <returns>How many entries were stored (the skipped ones not counted).</returns>
    /// <exception cref="TypedMailException">A message cannot be rendered: nothing is stored.</exception>
    Task<int> EnqueueManyAsync(IEnumerable<(ITypedMailMessage Message, EnqueueOptions? Options)> messages, CancellationToken cancellationToken = default);

    /// <summary>How many entries are in each state.</summary>
    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>The entries, oldest first; only those in <paramref name="state"/> when given.</summary>
    IAsyncEnumerable<OutboxEntry> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default);

    /// <summary>Puts a Failed, Unknown or Cancelled entry back to Pending, due now, with its attempts reset (an operator's decision: for an Unknown entry it may deliver a second copy).</summary>
    /// <returns>False when no such entry is in one of those states.</returns>
    Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>Cancels a Pending, Failed or Unknown entry: it will not be sent.</summary>
    /// <returns>False when no such entry is in one of those states (a Sending entry cannot be cancelled).</returns>
    Task<bool> CancelAsync(long id, CancellationToken cancellationToken = default);
}
