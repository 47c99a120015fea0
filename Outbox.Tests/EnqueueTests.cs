using System;
using System.Data;
using System.Data.Common;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace TypedMail.Outbox.Tests;

public sealed class EnqueueTests
{
    [Fact]
    public async Task TheSameThousandKeysTwice_StoreAThousand()
    {
        await using var fixture = new OutboxFixture(OutboxFixture.FreePort());
        var batch = Enumerable.Range(0, 1000).Select(i => ((ITypedMailMessage)OrderConfirmation.For(i), (EnqueueOptions?)new EnqueueOptions { IdempotencyKey = $"merge-7/{i}" })).ToList();

        Assert.Equal(1000, await fixture.Outbox.EnqueueManyAsync(batch));
        Assert.Equal(0, await fixture.Outbox.EnqueueManyAsync(batch));
        var again = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(5), new EnqueueOptions { IdempotencyKey = "merge-7/5" });

        Assert.Equal(1000, (await fixture.Outbox.CountAsync()).Total);
        Assert.Equal("merge-7/5", again.IdempotencyKey);
        Assert.Equal(6, again.Id);
    }

    [Fact]
    public async Task InTheCallersTransaction_RollbackLeavesNothing_CommitDeliversExactlyOne()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        await using var connection = new SqliteConnection(fixture.ConnectionString);
        await connection.OpenAsync();
        await using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE orders (id INTEGER PRIMARY KEY, email TEXT NOT NULL);";
            await create.ExecuteNonQueryAsync();
        }

        await using (var rolledBack = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await InsertOrderAsync(connection, rolledBack, 1);
            await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1), rolledBack);
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0, (await fixture.Outbox.CountAsync()).Total);

        await using (var committed = (SqliteTransaction)await connection.BeginTransactionAsync())
        {
            await InsertOrderAsync(connection, committed, 2);
            await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(2), committed);
            await committed.CommitAsync();
        }

        await fixture.DrainAsync();
        var received = Assert.Single(server.Messages);
        Assert.Contains("customer2@example.com", received.Recipients);
        Assert.Equal(1, (await fixture.Outbox.CountAsync()).Sent);
    }

    [Fact]
    public async Task ATransactionOnAnotherDatabase_OrAnotherKindOfConnection_IsAClearArgumentException()
    {
        await using var fixture = new OutboxFixture(OutboxFixture.FreePort());
        var elsewhere = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(fixture.DatabasePath)!, "orders.db");
        await using var connection = new SqliteConnection($"Data Source={elsewhere}");
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();

        var otherDatabase = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1), transaction));
        Assert.Contains("orders.db", otherDatabase.Message, StringComparison.Ordinal);

        var otherKind = await Assert.ThrowsAsync<ArgumentException>(() => fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1), new ForeignTransaction()));
        Assert.Contains(nameof(ForeignTransaction), otherKind.Message, StringComparison.Ordinal);
        Assert.Equal(0, (await fixture.Outbox.CountAsync()).Total);
    }

    [Fact]
    public async Task NotBefore_KeepsAnEntryUntilItsTime()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1), new EnqueueOptions { NotBefore = fixture.Clock.GetUtcNow().AddHours(1) });

        Assert.Equal(0, await fixture.Worker.RunOnceAsync(default));
        fixture.Clock.Advance(TimeSpan.FromHours(1));
        Assert.Equal(1, await fixture.Worker.RunOnceAsync(default));
        Assert.Single(server.Messages);
    }

    private static async Task InsertOrderAsync(SqliteConnection connection, SqliteTransaction transaction, int id)
    {
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO orders (id, email) VALUES ($id, 'x@example.com');";
        insert.Parameters.AddWithValue("$id", id);
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>A transaction of some other ADO.NET provider: the outbox must refuse it by its kind.</summary>
    private sealed class ForeignTransaction : DbTransaction
    {
        public override IsolationLevel IsolationLevel => IsolationLevel.ReadCommitted;

        protected override DbConnection? DbConnection => null;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }
    }
}
