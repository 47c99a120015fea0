using System;

namespace TypedMail.Outbox;

/// <summary>Options of one enqueued message.</summary>
public sealed class EnqueueOptions
{
    /// <summary>
    /// A key that names this message for the application (e.g. "order-42-confirmation"): enqueueing a key that is already
    /// in the outbox stores nothing and returns the existing entry, so a merge run again after a crash enqueues only what
    /// is missing. Null: no key, every enqueue stores a message.
    /// </summary>
    public string? IdempotencyKey { get; init; }

    /// <summary>The earliest time the message may be sent; null: at once.</summary>
    public DateTimeOffset? NotBefore { get; init; }
}
