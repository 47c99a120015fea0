using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Outbox;

/// <summary>
/// Where entries live. Every method is one short transaction; the state changes that make delivery exact (claim,
/// end-of-data mark, lease recovery) are each a single conditional UPDATE, so two workers never both win.
/// </summary>
internal interface IOutboxStore
{
    /// <summary>Creates the schema when missing (idempotent, versioned).</summary>
    Task EnsureSchemaAsync(CancellationToken cancellationToken);

    /// <summary>Stores a new entry, or returns the one holding its idempotency key. With a transaction: in it (checked to be on this store's database).</summary>
    Task<OutboxEntry> InsertAsync(NewEntry entry, DbTransaction? transaction, CancellationToken cancellationToken);

    /// <summary>Inserts many entries in one transaction, skipping keys already present.</summary>
    Task<int> InsertManyAsync(IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken);

    Task<OutboxCounts> CountAsync(CancellationToken cancellationToken);

    IAsyncEnumerable<OutboxEntry> ListAsync(OutboxState? state, CancellationToken cancellationToken);

    Task<bool> RequeueAsync(long id, DateTimeOffset now, CancellationToken cancellationToken);

    Task<bool> CancelAsync(long id, CancellationToken cancellationToken);

    /// <summary>Expired leases: without the end-of-data mark back to Pending, with it to Unknown.</summary>
    Task<LeaseRecovery> RecoverExpiredLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Leases up to <paramref name="max"/> due Pending entries to <paramref name="owner"/> and counts the attempt.</summary>
    Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>The durable mark written just before the end-of-data marker; false when the lease is no longer this owner's (then the dot must not be written).</summary>
    Task<bool> MarkEndOfDataAsync(long id, string owner, CancellationToken cancellationToken);

    /// <summary>Records an attempt's outcome and releases the lease (only if still held by <paramref name="owner"/>).</summary>
    Task<bool> CompleteAsync(long id, string owner, Completion completion, CancellationToken cancellationToken);

    /// <summary>
    /// Applies many marks and outcomes in one transaction (one commit, so one disk flush, for all of them): element i of
    /// the answer says whether write i still held its lease. When the call returns, every write in it is durable.
    /// </summary>
    Task<IReadOnlyList<bool>> WriteGroupAsync(IReadOnlyList<LeaseWrite> writes, CancellationToken cancellationToken);

    /// <summary>The age of the oldest Pending entry, or null when none.</summary>
    Task<TimeSpan?> OldestPendingAgeAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>A rendered message to store.</summary>
internal sealed record NewEntry(string? IdempotencyKey, string MessageId, string EnvelopeSender, IReadOnlyList<string> Recipients, byte[] Mime, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt);

/// <summary>An entry a worker holds: what it needs to send it.</summary>
internal sealed record ClaimedEntry(long Id, string MessageId, string EnvelopeSender, IReadOnlyList<string> Recipients, byte[] Mime, int Attempts, DateTimeOffset CreatedAt);

/// <summary>The outcome of one attempt, as stored.</summary>
internal sealed record Completion(OutboxState State, int Code, string Text, DateTimeOffset NextAttemptAt, IReadOnlyList<string>? RemainingRecipients);

/// <summary>A write under a lease: the end-of-data mark (<see cref="Completion"/> null) or an attempt's outcome.</summary>
internal sealed record LeaseWrite(long Id, string Owner, Completion? Completion);

/// <summary>What a lease recovery did.</summary>
internal readonly record struct LeaseRecovery(int ToPending, int ToUnknown);
