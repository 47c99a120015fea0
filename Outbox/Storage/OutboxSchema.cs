namespace TypedMail.Outbox;

/// <summary>
/// The outbox's tables (docs/outbox.md shows them). Version 1. A later version adds its changes as statements guarded by
/// the version table, never by editing these.
/// </summary>
internal static class OutboxSchema
{
    /// <summary>States are <see cref="OutboxState"/>'s numbers; times are Unix milliseconds (UTC).</summary>
    public const string Sqlite = """
        CREATE TABLE IF NOT EXISTS typedmail_outbox_schema (
            version    INTEGER NOT NULL PRIMARY KEY,
            applied_at INTEGER NOT NULL
        );
        CREATE TABLE IF NOT EXISTS typedmail_outbox (
            id               INTEGER PRIMARY KEY AUTOINCREMENT,
            state            INTEGER NOT NULL,
            idempotency_key  TEXT UNIQUE,
            message_id       TEXT NOT NULL,
            envelope_sender  TEXT NOT NULL,
            recipients       TEXT NOT NULL,
            mime             BLOB NOT NULL,
            attempts         INTEGER NOT NULL DEFAULT 0,
            last_code        INTEGER,
            last_text        TEXT,
            created_at       INTEGER NOT NULL,
            next_attempt_at  INTEGER NOT NULL,
            lease_owner      TEXT,
            lease_until      INTEGER,
            end_of_data      INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS typedmail_outbox_due ON typedmail_outbox (state, next_attempt_at);
        """;
}
