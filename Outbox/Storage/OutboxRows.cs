using System;
using System.Data.Common;

namespace TypedMail.Outbox;

/// <summary>What every store selects and how a row becomes an entry: one reading for SQLite and PostgreSQL alike.</summary>
internal static class OutboxRows
{
    /// <summary>The columns <see cref="Entry"/> reads, in its order.</summary>
    public const string EntryColumns = "id, state, idempotency_key, message_id, attempts, last_code, last_text, created_at, next_attempt_at";

    /// <summary>The columns <see cref="Claimed"/> reads, in its order (a claim's RETURNING list).</summary>
    public const string ClaimedColumns = "id, message_id, envelope_sender, recipients, mime, attempts, created_at";

    /// <summary>Why a recovered entry is Unknown (its last_text).</summary>
    public const string LostAfterEndOfData = "The worker was lost after the end of data may have been written: the server may have the message. Not resent automatically.";

    public static OutboxEntry Entry(DbDataReader reader) => new(
        reader.GetInt64(0),
        (OutboxState)reader.GetInt32(1),
        reader.IsDBNull(2) ? null : reader.GetString(2),
        reader.GetString(3),
        reader.GetInt32(4),
        reader.IsDBNull(5) ? null : reader.GetInt32(5),
        reader.IsDBNull(6) ? null : reader.GetString(6),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(7)),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(8)));

    public static ClaimedEntry Claimed(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        reader.GetString(2),
        RecipientList.Split(reader.GetString(3)),
        reader.GetFieldValue<byte[]>(4),
        reader.GetInt32(5),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)));
}
