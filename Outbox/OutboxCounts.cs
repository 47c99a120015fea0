namespace TypedMail.Outbox;

/// <summary>How many entries the outbox holds in each state.</summary>
/// <param name="Pending">Waiting for an attempt.</param>
/// <param name="Sending">Leased by a worker.</param>
/// <param name="Sent">Delivered.</param>
/// <param name="Failed">Not delivered, for good.</param>
/// <param name="Unknown">Maybe delivered once; waiting for an operator.</param>
/// <param name="Cancelled">Cancelled by an operator.</param>
public sealed record OutboxCounts(long Pending, long Sending, long Sent, long Failed, long Unknown, long Cancelled)
{
    /// <summary>All entries.</summary>
    public long Total => Pending + Sending + Sent + Failed + Unknown + Cancelled;
}
