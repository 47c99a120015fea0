namespace TypedMail.Outbox;

/// <summary>Where an outbox entry stands. Pending → Sending → Sent | Failed | Unknown; Cancelled by an operator.</summary>
public enum OutboxState
{
    /// <summary>Waiting for its next attempt (<see cref="OutboxEntry.NextAttemptAt"/>).</summary>
    Pending = 0,

    /// <summary>Claimed by a delivery worker (leased) and being sent.</summary>
    Sending = 1,

    /// <summary>The server accepted it (for every recipient, or for every recipient not refused for good: see <see cref="OutboxEntry.LastCode"/>).</summary>
    Sent = 2,

    /// <summary>Not delivered, and never retried again: a permanent refusal, or out of attempts or age.</summary>
    Failed = 3,

    /// <summary>Its end of data may have reached the server before the connection or the worker was lost: it may have been delivered once. Never resent automatically; an operator decides (<see cref="IMailOutbox.RequeueAsync"/>).</summary>
    Unknown = 4,

    /// <summary>Cancelled by an operator before it was sent.</summary>
    Cancelled = 5,
}
