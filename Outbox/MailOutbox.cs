using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;
using MimeKit.Utils;

namespace TypedMail.Outbox;

/// <summary>The outbox registered by <c>AddTypedMailOutbox</c>: renders at enqueue, stores, and wakes this process's worker.</summary>
internal sealed class MailOutbox : IMailOutbox
{
    private readonly IOutboxStore _store;
    private readonly TimeProvider _time;
    private readonly DeliverySignal _signal;

    public MailOutbox(IOutboxStore store, TimeProvider time, DeliverySignal signal)
    {
        _store = store;
        _time = time;
        _signal = signal;
    }

    public Task<OutboxEntry> EnqueueAsync(ITypedMailMessage message, EnqueueOptions? options = null, CancellationToken cancellationToken = default) =>
        EnqueueCoreAsync(message, null, options, cancellationToken);

    public Task<OutboxEntry> EnqueueAsync(ITypedMailMessage message, DbTransaction transaction, EnqueueOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (transaction is null)
        {
            throw new ArgumentNullException(nameof(transaction));
        }

        return EnqueueCoreAsync(message, transaction, options, cancellationToken);
    }

    public Task<int> EnqueueManyAsync(IEnumerable<(ITypedMailMessage Message, EnqueueOptions? Options)> messages, CancellationToken cancellationToken = default)
    {
        var entries = messages.Select(m => Render(m.Message, m.Options)).ToList();
        return EnqueueRenderedAsync(entries, cancellationToken);
    }

    private async Task<int> EnqueueRenderedAsync(IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken)
    {
        var stored = await _store.InsertManyAsync(entries, cancellationToken).ConfigureAwait(false);
        OutboxTelemetry.Enqueued.Add(stored);
        _signal.Wake();
        return stored;
    }

    private async Task<OutboxEntry> EnqueueCoreAsync(ITypedMailMessage message, DbTransaction? transaction, EnqueueOptions? options, CancellationToken cancellationToken)
    {
        var entry = Render(message, options);
        var stored = await _store.InsertAsync(entry, transaction, cancellationToken).ConfigureAwait(false);
        if (stored.MessageId == entry.MessageId)
        {
            OutboxTelemetry.Enqueued.Add(1);
        }

        // In the caller's transaction the entry is visible only once committed; a wake-up now costs one empty claim.
        _signal.Wake();
        return stored;
    }

    /// <summary>The one writer's output, with its Message-ID fixed now so that every attempt carries the same one.</summary>
    internal NewEntry Render(ITypedMailMessage message, EnqueueOptions? options)
    {
        if (message is null)
        {
            throw new ArgumentNullException(nameof(message));
        }

        var (mime, envelope) = TypedMessageWriting.Write(message);
        if (envelope.Sender is null)
        {
            throw new TypedMailException(ErrorCodes.NoFrom, "The message has no From (nor Sender): there is no envelope sender to store.");
        }

        if (envelope.Recipients.Count == 0)
        {
            throw new TypedMailException(ErrorCodes.NoRecipient, "The message has no recipient: nothing to store.");
        }

        if (string.IsNullOrEmpty(mime.MessageId))
        {
            mime.MessageId = MimeUtils.GenerateMessageId();
        }

        using var bytes = new MemoryStream();
        mime.WriteTo(FormatOptions.Default, bytes);
        var now = _time.GetUtcNow();
        var due = options?.NotBefore is { } notBefore && notBefore > now ? notBefore : now;
        return new NewEntry(
            options?.IdempotencyKey,
            mime.MessageId,
            envelope.Sender.Address,
            envelope.Recipients.Select(r => r.Address).ToList(),
            bytes.ToArray(),
            now,
            due);
    }

    public Task<OutboxCounts> CountAsync(CancellationToken cancellationToken = default) => _store.CountAsync(cancellationToken);

    public IAsyncEnumerable<OutboxEntry> ListAsync(OutboxState? state = null, CancellationToken cancellationToken = default) => _store.ListAsync(state, cancellationToken);

    public async Task<bool> RequeueAsync(long id, CancellationToken cancellationToken = default)
    {
        var done = await _store.RequeueAsync(id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        if (done)
        {
            _signal.Wake();
        }

        return done;
    }

    public Task<bool> CancelAsync(long id, CancellationToken cancellationToken = default) => _store.CancelAsync(id, cancellationToken);
}
