using System;
using System.Collections.Generic;
using System.Data.Common;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedMail.Outbox;

/// <summary>
/// The embedded store: one SQLite file, WAL mode, every write in a short transaction. Writers are serialised by SQLite
/// itself (BEGIN IMMEDIATE), so claims on one machine never overlap.
/// </summary>
internal sealed class SqliteOutboxStore : IOutboxStore
{
    internal const int SchemaVersion = 1;

    private readonly string _connectionString;
    private readonly string _dataSource;
    private int _schemaReady;

    private readonly string _synchronous;

    /// <summary>
    /// One writer at a time inside this process. SQLite allows one writer anyway; a second one would get SQLITE_BUSY and
    /// Microsoft.Data.Sqlite would sleep 150 ms before trying again, so concurrent sends of one worker queue here instead
    /// (other processes still meet the busy timeout). Never held across a caller's own transaction.
    /// </summary>
    private readonly SemaphoreSlim _writer = new(1, 1);

    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string.</param>
    /// <param name="survivesPowerLoss">FULL synchronous commits (true) or NORMAL ones (durable across process crashes only).</param>
    public SqliteOutboxStore(string connectionString, bool survivesPowerLoss = true)
    {
        _synchronous = survivesPowerLoss ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;   // the busy timeout: wait for another writer instead of failing with SQLITE_BUSY
        }

        _connectionString = builder.ToString();
        _dataSource = FullPath(builder.DataSource);
    }

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _schemaReady) == 1)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            wal.CommandText = "PRAGMA journal_mode=WAL;";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await CreateSchemaAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _schemaReady, 1);
    }

    private static async Task CreateSchemaAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = OutboxSchema.Sqlite;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);

        command.CommandText = "SELECT MAX(version) FROM typedmail_outbox_schema;";
        var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        if (version is long v && v > SchemaVersion)
        {
            throw new InvalidOperationException($"TypedMail outbox: the database's outbox schema is version {v}, newer than this TypedMail.Outbox understands ({SchemaVersion}): update the package.");
        }

        if (version is null or DBNull)
        {
            command.CommandText = "INSERT INTO typedmail_outbox_schema (version, applied_at) VALUES ($v, $t);";
            command.Parameters.AddWithValue("$v", SchemaVersion);
            command.Parameters.AddWithValue("$t", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<OutboxEntry> InsertAsync(NewEntry entry, DbTransaction? transaction, CancellationToken cancellationToken)
    {
        if (transaction is null)
        {
            await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
            using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
            await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var own = connection.BeginTransaction(deferred: false);
            var stored = await InsertAsync(connection, own, entry, cancellationToken).ConfigureAwait(false);
            await own.CommitAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }

        var callers = CallersTransaction(transaction);
        if (Volatile.Read(ref _schemaReady) == 0)
        {
            // In the caller's transaction: another connection could wait for ever on the write lock it may hold.
            await CreateSchemaAsync(callers.Connection!, callers, cancellationToken).ConfigureAwait(false);
        }

        return await InsertAsync(callers.Connection!, callers, entry, cancellationToken).ConfigureAwait(false);
    }

    private SqliteTransaction CallersTransaction(DbTransaction transaction)
    {
        if (transaction is not SqliteTransaction sqlite)
        {
            throw new ArgumentException($"The outbox stores in SQLite; a {transaction.GetType().Name} is another kind of connection. Enqueue in a SqliteTransaction on the outbox's database, or without a transaction.", nameof(transaction));
        }

        if (sqlite.Connection is null)
        {
            throw new ArgumentException("The transaction is already committed or rolled back.", nameof(transaction));
        }

        var theirs = FullPath(sqlite.Connection.DataSource);
        if (!string.Equals(theirs, _dataSource, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The transaction is on the database '{theirs}', the outbox on '{_dataSource}': a message enqueued there would never be delivered. Open the transaction on the outbox's database.", nameof(transaction));
        }

        return sqlite;
    }

    public async Task<int> InsertManyAsync(IReadOnlyList<NewEntry> entries, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = InsertCommand(connection, transaction);
        var inserted = 0;
        foreach (var entry in entries)
        {
            Bind(command, entry);
            inserted += await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return inserted;
    }

    private static async Task<OutboxEntry> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, NewEntry entry, CancellationToken cancellationToken)
    {
        await using (var insert = InsertCommand(connection, transaction))
        {
            Bind(insert, entry);
            if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1)
            {
                await using var last = connection.CreateCommand();
                last.Transaction = transaction;
                last.CommandText = $"SELECT {OutboxRows.EntryColumns} FROM typedmail_outbox WHERE id = last_insert_rowid();";
                return await SingleAsync(last, cancellationToken).ConfigureAwait(false);
            }
        }

        // The key is already there: that entry is the answer, and nothing was stored.
        await using var existing = connection.CreateCommand();
        existing.Transaction = transaction;
        existing.CommandText = $"SELECT {OutboxRows.EntryColumns} FROM typedmail_outbox WHERE idempotency_key = $key;";
        existing.Parameters.AddWithValue("$key", entry.IdempotencyKey);
        return await SingleAsync(existing, cancellationToken).ConfigureAwait(false);
    }

    private static SqliteCommand InsertCommand(SqliteConnection connection, SqliteTransaction transaction)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "INSERT INTO typedmail_outbox (state, idempotency_key, message_id, envelope_sender, recipients, mime, created_at, next_attempt_at) " +
            "VALUES (0, $key, $messageId, $sender, $recipients, $mime, $created, $next) ON CONFLICT (idempotency_key) DO NOTHING;";
        foreach (var name in new[] { "$key", "$messageId", "$sender", "$recipients", "$mime", "$created", "$next" })
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static void Bind(SqliteCommand command, NewEntry entry)
    {
        command.Parameters["$key"].Value = (object?)entry.IdempotencyKey ?? DBNull.Value;
        command.Parameters["$messageId"].Value = entry.MessageId;
        command.Parameters["$sender"].Value = entry.EnvelopeSender;
        command.Parameters["$recipients"].Value = RecipientList.Join(entry.Recipients);
        command.Parameters["$mime"].Value = entry.Mime;
        command.Parameters["$created"].Value = entry.CreatedAt.ToUnixTimeMilliseconds();
        command.Parameters["$next"].Value = entry.NextAttemptAt.ToUnixTimeMilliseconds();
    }

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT state, COUNT(*) FROM typedmail_outbox GROUP BY state;";
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
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {OutboxRows.EntryColumns} FROM typedmail_outbox WHERE $state IS NULL OR state = $state ORDER BY id;";
        command.Parameters.AddWithValue("$state", state is null ? DBNull.Value : (int)state.Value);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return OutboxRows.Entry(reader);
        }
    }

    public Task<bool> RequeueAsync(long id, DateTimeOffset now, CancellationToken cancellationToken) =>
        ChangeOneAsync(
            "UPDATE typedmail_outbox SET state = 0, attempts = 0, next_attempt_at = $now, end_of_data = 0, lease_owner = NULL, lease_until = NULL " +
            "WHERE id = $id AND state IN (3, 4, 5);",
            cancellationToken,
            ("$id", id), ("$now", now.ToUnixTimeMilliseconds()));

    public Task<bool> CancelAsync(long id, CancellationToken cancellationToken) =>
        ChangeOneAsync("UPDATE typedmail_outbox SET state = 5 WHERE id = $id AND state IN (0, 3, 4);", cancellationToken, ("$id", id));

    public async Task<LeaseRecovery> RecoverExpiredLeasesAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.CommandText =
            "UPDATE typedmail_outbox SET state = 0, lease_owner = NULL, lease_until = NULL, next_attempt_at = $now " +
            "WHERE state = 1 AND lease_until < $now AND end_of_data = 0;";
        var toPending = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        command.CommandText =
            $"UPDATE typedmail_outbox SET state = 4, lease_owner = NULL, lease_until = NULL, last_code = {ErrorCodes.OutcomeUnknown}, " +
            $"last_text = '{OutboxRows.LostAfterEndOfData}' " +
            "WHERE state = 1 AND lease_until < $now AND end_of_data = 1;";
        var toUnknown = await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new LeaseRecovery(toPending, toUnknown);
    }

    public async Task<IReadOnlyList<ClaimedEntry>> ClaimAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "UPDATE typedmail_outbox SET state = 1, lease_owner = $owner, lease_until = $until, attempts = attempts + 1, end_of_data = 0 " +
            "WHERE id IN (SELECT id FROM typedmail_outbox WHERE state = 0 AND next_attempt_at <= $now ORDER BY next_attempt_at, id LIMIT $max) " +
            $"RETURNING {OutboxRows.ClaimedColumns};";
        command.Parameters.AddWithValue("$owner", owner);
        command.Parameters.AddWithValue("$until", leaseUntil.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$max", max);
        var claimed = new List<ClaimedEntry>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                claimed.Add(OutboxRows.Claimed(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        claimed.Sort((a, b) => a.Id.CompareTo(b.Id));
        return claimed;
    }

    private const string MarkSql = "UPDATE typedmail_outbox SET end_of_data = 1 WHERE id = $id AND state = 1 AND lease_owner = $owner;";

    private const string CompleteSql =
        "UPDATE typedmail_outbox SET state = $state, last_code = $code, last_text = $text, next_attempt_at = $next, " +
        "recipients = COALESCE($recipients, recipients), end_of_data = 0, lease_owner = NULL, lease_until = NULL " +
        "WHERE id = $id AND state = 1 AND lease_owner = $owner;";

    public async Task<bool> MarkEndOfDataAsync(long id, string owner, CancellationToken cancellationToken) =>
        (await WriteGroupAsync([new LeaseWrite(id, owner, null)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<bool> CompleteAsync(long id, string owner, Completion completion, CancellationToken cancellationToken) =>
        (await WriteGroupAsync([new LeaseWrite(id, owner, completion)], cancellationToken).ConfigureAwait(false))[0];

    public async Task<IReadOnlyList<bool>> WriteGroupAsync(IReadOnlyList<LeaseWrite> writes, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using var mark = connection.CreateCommand();
        mark.Transaction = transaction;
        mark.CommandText = MarkSql;
        var markId = mark.Parameters.Add(new SqliteParameter { ParameterName = "$id" });
        var markOwner = mark.Parameters.Add(new SqliteParameter { ParameterName = "$owner" });
        await using var complete = connection.CreateCommand();
        complete.Transaction = transaction;
        complete.CommandText = CompleteSql;
        foreach (var name in new[] { "$id", "$owner", "$state", "$code", "$text", "$next", "$recipients" })
        {
            complete.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        var held = new bool[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var write = writes[i];
            if (write.Completion is not { } completion)
            {
                markId.Value = write.Id;
                markOwner.Value = write.Owner;
                held[i] = await mark.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
                continue;
            }

            complete.Parameters["$id"].Value = write.Id;
            complete.Parameters["$owner"].Value = write.Owner;
            complete.Parameters["$state"].Value = (int)completion.State;
            complete.Parameters["$code"].Value = completion.Code;
            complete.Parameters["$text"].Value = completion.Text;
            complete.Parameters["$next"].Value = completion.NextAttemptAt.ToUnixTimeMilliseconds();
            complete.Parameters["$recipients"].Value = completion.RemainingRecipients is null ? DBNull.Value : RecipientList.Join(completion.RemainingRecipients);
            held[i] = await complete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return held;
    }

    public async Task<TimeSpan?> OldestPendingAgeAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(created_at) FROM typedmail_outbox WHERE state = 0;";
        var oldest = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return oldest is long ms ? now - DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    private async Task<bool> ChangeOneAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
        using var writing = await WriteLockAsync(cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    private async Task<IDisposable> WriteLockAsync(CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_writer);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Per connection, and pooled connections keep it: set on every open, it costs no I/O.
        await using var synchronous = connection.CreateCommand();
        synchronous.CommandText = _synchronous;
        await synchronous.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>The <c>synchronous</c> setting of the store's connections (1 NORMAL, 2 FULL), for tests and diagnostics.</summary>
    internal async Task<long> SynchronousSettingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous;";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<OutboxEntry> SingleAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new InvalidOperationException("TypedMail outbox: the entry just written could not be read back.");
        }

        return OutboxRows.Entry(reader);
    }

    private static string FullPath(string dataSource) =>
        string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal) ? dataSource : Path.GetFullPath(dataSource);
}
