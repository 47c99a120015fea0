using System;

namespace TypedMail.Outbox;

/// <summary>One message in the outbox, as an operator or the application sees it (the stored MIME is not carried).</summary>
/// <param name="Id">The entry's id.</param>
/// <param name="State">Where it stands.</param>
/// <param name="IdempotencyKey">The application's key, or null.</param>
/// <param name="MessageId">The Message-ID header, fixed at enqueue time (the same on every attempt).</param>
/// <param name="Attempts">How many times a worker has started sending it.</param>
/// <param name="LastCode">The result code of the last attempt (SMTP_SEND.md's codes), or null before the first.</param>
/// <param name="LastText">The text of the last result.</param>
/// <param name="CreatedAt">When it was enqueued.</param>
/// <param name="NextAttemptAt">When it is due (Pending), or when it was last scheduled.</param>
public sealed record OutboxEntry(
    long Id,
    OutboxState State,
    string? IdempotencyKey,
    string MessageId,
    int Attempts,
    int? LastCode,
    string? LastText,
    DateTimeOffset CreatedAt,
    DateTimeOffset NextAttemptAt);
