using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Npgsql;
using NpgsqlTypes;

namespace TypedMail.Outbox.PostgreSql;

/// <summary>
/// The PostgreSQL store: any number of workers in any number of processes share the table. A claim locks the due rows it
/// takes and skips the rows another worker's claim holds (<c>FOR UPDATE SKIP LOCKED</c>), so no entry is claimed twice
/// and no worker waits for another.
/// </summary>
internal sealed class PostgreSqlOutboxStore : IOutboxStore
{
    internal const int SchemaVersion = 1;

    private readonly NpgsqlDataSource _dataSource;
    private readonly NpgsqlConnectionStringBuilder _target;
    private int _schemaReady;

    public PostgreSqlOutboxStore(string connectionString)
    {
        _target = new NpgsqlConnectionStringBuilder(connectionString);
        _dataSource = NpgsqlDataSource.Create(connectionString);
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady) == 1)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await CreateSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _schemaReady, 1);
    }

    private static async Task CreateSchemaAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(Schema, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText = "SELECT MAX(version) FROM typedmail_outbox_schema;";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (version is int v && v > SchemaVersion)
        {
            throw new InvalidOperationException($"TypedMail outbox: the database's outbox schema is version {v}, newer than this TypedMail.Outbox.PostgreSql understands ({SchemaVersion}): update the package.");
        }

        if (version is null or DBNull)
        {
            command.CommandText = $"INSERT INTO typedmail_outbox_schema (version, applied_at) VALUES ({SchemaVersion}, now());";
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Version 1; the advisory lock keeps workers that start together from creating it twice.</summary>
    private const string Schema = """
        SELECT pg_advisory_xact_lock(7306040716);
        CREATE TABLE IF NOT EXISTS typedmail_outbox_schema (
            version    integer PRIMARY KEY,
            applied_at timestamptz NOT NULL
        );
        CREATE TABLE IF NOT EXISTS typedmail_outbox (
            id               bigserial PRIMARY KEY,
            state            integer NOT NULL,
            idempotency_key  text UNIQUE,
            message_id       text NOT NULL,
            envelope_sender  text NOT NULL,
            recipients       text NOT NULL,
            mime             bytea NOT NULL,
            attempts         integer NOT NULL DEFAULT 0,
            last_code        integer,
            last_text        text,
            created_at       bigint NOT NULL,
            next_attempt_at  bigint NOT NULL,
            lease_owner      text,
            lease_until      bigint,
            end_of_data      boolean NOT NULL DEFAULT false
        );
        CREATE INDEX IF NOT EXISTS typedmail_outbox_due ON typedmail_outbox (state, next_attempt_at);
        """;

    public async Task<OutboxEntry> InsertAsync(NewEntry entry, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await InsertAsync(connection, null, entry, cancellationToken).ConfigureAwait(false);
        }

        var callers = CallersTransaction(transaction);
        if (Volatile.Read(ref _schemaReady) == 0)
        {
            await CreateSchemaAsync(callers.Connection!, callers, cancellationToken).ConfigureAwait(false);
        }

        return await InsertAsync(callers.Connection!, callers, entry, cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlTransaction CallersTransaction(DbTransaction transaction)
    {
        if (transaction is not NpgsqlTransaction npgsql)
        {
            throw new ArgumentException($"The outbox stores in PostgreSQL; a {transaction.GetType().Name} is another kind of connection. Enqueue in an NpgsqlTransaction on the outbox's database, or without a transaction.", nameof(transaction));
        }

        var connection = npgsql.Connection ?? throw new ArgumentException("The transaction is already committed or rolled back.", nameof(transaction));
        if (!string.Equals(connection.Database, _target.Database ?? connection.Database, StringComparison.Ordinal)
            || (_target.Host is { } host && !string.Equals(connection.Host, host, StringComparison.OrdinalIgnoreCase))
            || connection.Port != _target.Port)
        {
            throw new ArgumentException($"The transaction is on {connection.Host}:{connection.Port}/{connection.Database}, the outbox on {_target.Host}:{_target.Port}/{_target.Database}: a message enqueued there would never be delivered.", nameof(transaction));
        }

        return npgsql;
    }

    public async Task<int> InsertManyAsync(IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = InsertCommand(connection, transaction, returning: false);
        await command.PrepareAsync(cancellationToken).ConfigureAwait(false);
        var inserted = 0;
        foreach (var entry in entries)
        {
            Bind(command, entry);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    private static async Task<OutboxEntry> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, NewEntry entry, CancellationToken cancellationToken)
    {
        await using (var insert = InsertCommand(connection, transaction, returning: true))
        {
            Bind(insert, entry);
            await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                return OutboxRows.Entry(reader);
            }
        }

        await using var existing = new NpgsqlCommand($"SELECT {OutboxRows.EntryColumns} FROM typedmail_outbox WHERE idempotency_key = @key;", connection, transaction);
        existing.Parameters.AddWithValue("key", entry.IdempotencyKey!);
        await using var found = await existing.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await found.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("TypedMail outbox: the entry holding this idempotency key could not be read back.");
        }

        return OutboxRows.Entry(found);
    }

    private static NpgsqlCommand InsertCommand(NpgsqlConnection connection, NpgsqlTransaction? transaction, bool returning)
    {
        var command = new NpgsqlCommand(
            "INSERT INTO typedmail_outbox (state, idempotency_key, message_id, envelope_sender, recipients, mime, created_at, next_attempt_at) " +
            "VALUES (0, @key, @messageId, @sender, @recipients, @mime, @created, @next) ON CONFLICT (idempotency_key) DO NOTHING" +
            (returning ? $" RETURNING {OutboxRows.EntryColumns};" : ";"),
            connection,
            transaction);
        command.Parameters.Add(new NpgsqlParameter("key", NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("messageId", NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("sender", NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("recipients", NpgsqlDbType.Text));
        command.Parameters.Add(new NpgsqlParameter("mime", NpgsqlDbType.Bytea));
        command.Parameters.Add(new NpgsqlParameter("created", NpgsqlDbType.Bigint));
        command.Parameters.Add(new NpgsqlParameter("next", NpgsqlDbType.Bigint));
        return command;
    }

    private static void Bind(NpgsqlCommand command, NewEntry entry)
    {
        command.Parameters["key"].Value = (object?)entry.IdempotencyKey ?? DBNull.Value;
        command.Parameters["messageId"].Value = entry.MessageId;
        command.Parameters["sender"].Value = entry.EnvelopeSender;
        command.Parameters["recipients"].Value = RecipientList.Join(entry.Recipients);
        command.Parameters["mime"].Value = entry.Mime;
        command.Parameters["created"].Value = entry.CreatedAt.ToUnixTimeMilliseconds();
        command.Parameters["next"].Value = entry.NextAttemptAt.ToUnixTimeMilliseconds();
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("SELECT state, COUNT(*) FROM typedmail_outbox GROUP BY state;");
        var counts = new long[6];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetInt32(0)] = reader.GetInt64(1);
        }

        return new OutboxCounts(counts[0], counts[1], counts[2], counts[3], counts[4], counts[5]);
    }

    public async IAsyncEnumerable<OutboxEntry> ListAsync(OutboxState? state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand($"SELECT {OutboxRows.EntryColumns} FROM typedmail_outbox WHERE @state::integer IS NULL OR state = @state::integer ORDER BY id;");
        command.Parameters.Add(new NpgsqlParameter("state", NpgsqlDbType.Integer) { Value = state is null ? DBNull.Value : (int)state.Value });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return OutboxRows.Entry(reader);
        }
    }

    public Task<bool> RequeueAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeOneAsync(
            "UPDATE typedmail_outbox SET state = 0, attempts = 0, next_attempt_at = @now, end_of_data = false, lease_owner = NULL, lease_until = NULL WHERE id = @id AND state IN (3, 4, 5);",
            cancellationToken,
            ("id", id), ("now", now.ToUnixTimeMilliseconds()));

    public Task<bool> CancelAsync(long id, CancellationToken cancellationToken) =>
        ChangeOneAsync("UPDATE typedmail_outbox SET state = 5 WHERE id = @id AND state IN (0, 3, 4);", cancellationToken, ("id", id));

    public async Task<LeaseRecovery> RecoverExpiredLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(
            "UPDATE typedmail_outbox SET state = 0, lease_owner = NULL, lease_until = NULL, next_attempt_at = @now WHERE state = 1 AND lease_until < @now AND NOT end_of_data;",
            connection);
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        var toPending = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText =
            $"UPDATE typedmail_outbox SET state = 4, lease_owner = NULL, lease_until = NULL, last_code = {ErrorCodes.OutcomeUnknown}, " +
            $"last_text = '{OutboxRows.LostAfterEndOfData}' " +
            "WHERE state = 1 AND lease_until < @now AND end_of_data;";
        var toUnknown = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return new LeaseRecovery(toPending, toUnknown);
    }

    public async Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(
            "UPDATE typedmail_outbox SET state = 1, lease_owner = @owner, lease_until = @until, attempts = attempts + 1, end_of_data = false " +
            "WHERE id IN (SELECT id FROM typedmail_outbox WHERE state = 0 AND next_attempt_at <= @now ORDER BY next_attempt_at, id LIMIT @max FOR UPDATE SKIP LOCKED) " +
            $"RETURNING {OutboxRows.ClaimedColumns};");
        command.Parameters.AddWithValue("owner", owner);
        command.Parameters.AddWithValue("until", leaseUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("max", max);
        var claimed = new List<ClaimedEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            claimed.Add(OutboxRows.Claimed(reader));
        }

        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private const string MarkSql = "UPDATE typedmail_outbox SET end_of_data = true WHERE id = @id AND state = 1 AND lease_owner = @owner;";

    private const string CompleteSql =
        "UPDATE typedmail_outbox SET state = @state, last_code = @code, last_text = @text, next_attempt_at = @next, " +
        "recipients = COALESCE(@recipients, recipients), end_of_data = false, lease_owner = NULL, lease_until = NULL " +
        "WHERE id = @id AND state = 1 AND lease_owner = @owner;";

    public async Task<bool> MarkEndOfDataAsync(long id, string owner, CancellationToken cancellationToken) =>
        (await WriteGroupAsync([new LeaseWrite(id, owner, null)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<bool> CompleteAsync(long id, string owner, Completion completion, CancellationToken cancellationToken) =>
        (await WriteGroupAsync([new LeaseWrite(id, owner, completion)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<bool>> WriteGroupAsync(IReadOnlyList<LeaseWrite> writes, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var write in writes)
        {
            var command = new NpgsqlBatchCommand(write.Completion is null ? MarkSql : CompleteSql);
            command.Parameters.Add(new NpgsqlParameter("id", write.Id));
            command.Parameters.Add(new NpgsqlParameter("owner", write.Owner));
            if (write.Completion is { } completion)
            {
                command.Parameters.Add(new NpgsqlParameter("state", (int)completion.State));
                command.Parameters.Add(new NpgsqlParameter("code", completion.Code));
                command.Parameters.Add(new NpgsqlParameter("text", completion.Text));
                command.Parameters.Add(new NpgsqlParameter("next", completion.NextAttemptAt.ToUnixTimeMilliseconds()));
                command.Parameters.Add(completion.RemainingRecipients is null
                    ? new NpgsqlParameter("recipients", NpgsqlDbType.Text) { Value = DBNull.Value }
                    : new NpgsqlParameter("recipients", RecipientList.Join(completion.RemainingRecipients)));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var held = new bool[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            held[i] = batch.BatchCommands[i].RecordsAffected == 1;
        }

        return held;
    }

    public async Task<TimeSpan?> OldestPendingAgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand("SELECT MIN(created_at) FROM typedmail_outbox WHERE state = 0;");
        var oldest = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return oldest is long ms ? now - DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task<bool> ChangeOneAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var command = _dataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.Add(value is DBNull ? new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = DBNull.Value } : new NpgsqlParameter(name, value));
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }
}
