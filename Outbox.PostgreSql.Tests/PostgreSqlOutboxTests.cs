using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using TypedMail.Mailbox;
using TypedMail.Outbox.Tests;
using Xunit.Abstractions;

namespace TypedMail.Outbox.PostgreSql.Tests;

[Collection(PostgreSqlCluster.Collection)]
public sealed class PostgreSqlOutboxTests(PostgreSqlCluster cluster, ITestOutputHelper output)
{
    [Fact]
    public async Task TheSameThousandKeysTwice_StoreAThousand_AndTheWorkerDeliversEachOnce()
    {
        await using var server = await MailboxServer.StartAsync();
        var store = new PostgreSqlOutboxStore(await cluster.CreateDatabaseAsync());
        var outbox = new MailOutbox(store, TimeProvider.System, new DeliverySignal());
        var batch = Enumerable.Range(0, 1000).Select(i => ((ITypedMailMessage)OrderConfirmation.For(i), (EnqueueOptions?)new EnqueueOptions { IdempotencyKey = $"k{i}" })).ToList();

        Assert.Equal(1000, await outbox.EnqueueManyAsync(batch));
        Assert.Equal(0, await outbox.EnqueueManyAsync(batch));
        var again = await outbox.EnqueueAsync(OrderConfirmation.For(3), new EnqueueOptions { IdempotencyKey = "k3" });
        Assert.Equal(4, again.Id);
        Assert.Equal(1000, (await outbox.CountAsync()).Total);

        await using var sender = Sender(server.Port);
        var worker = new DeliveryWorker(store, new DeliveryTransport(sender), new OutboxOptions(), new DeliverySignal(), TimeProvider.System, NullLogger.Instance);
        while (await worker.RunOnceAsync(default) > 0)
        {
        }

        Assert.Equal(1000, (await outbox.CountAsync()).Sent);
        Assert.Equal(1000, server.Messages.Select(m => m.Message.MessageId).Distinct().Count());
        Assert.Equal(1000, server.Messages.Count);
    }

    [Fact]
    public async Task InTheCallersTransaction_RollbackLeavesNothing_CommitStoresOne_AndAnotherKindIsRefused()
    {
        var connectionString = await cluster.CreateDatabaseAsync();
        var store = new PostgreSqlOutboxStore(connectionString);
        var outbox = new MailOutbox(store, TimeProvider.System, new DeliverySignal());
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();

        await using (var rolledBack = await connection.BeginTransactionAsync())
        {
            await outbox.EnqueueAsync(OrderConfirmation.For(1), rolledBack);
            await rolledBack.RollbackAsync();
        }

        Assert.Equal(0, (await outbox.CountAsync()).Total);
        await using (var committed = await connection.BeginTransactionAsync())
        {
            await outbox.EnqueueAsync(OrderConfirmation.For(2), committed);
            await committed.CommitAsync();
        }

        Assert.Equal(1, (await outbox.CountAsync()).Pending);

        await using var sqlite = new SqliteConnection("Data Source=:memory:");
        await sqlite.OpenAsync();
        await using var sqliteTransaction = await sqlite.BeginTransactionAsync();
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(OrderConfirmation.For(3), sqliteTransaction));
        Assert.Contains("SqliteTransaction", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three worker processes share one queue of 5,000 messages and are killed with SIGKILL at random moments (at least
    /// 50 kills in all), each restarted, until the queue is drained: no entry is sent by two workers, none twice.
    /// </summary>
    [Fact]
    public async Task ThreeWorkersKilledAtRandom_NoEntryIsSentTwice_AndEveryStateTellsTheTruth()
    {
        const int messages = 5000;
        const int kills = 50;
        await using var server = await MailboxServer.StartAsync();
        var connectionString = await cluster.CreateDatabaseAsync();
        var store = new PostgreSqlOutboxStore(connectionString);
        var outbox = new MailOutbox(store, TimeProvider.System, new DeliverySignal());
        var batch = Enumerable.Range(0, messages).Select(i => ((ITypedMailMessage)OrderConfirmation.For(i), (EnqueueOptions?)new EnqueueOptions { IdempotencyKey = $"crash/{i}" })).ToList();
        Assert.Equal(messages, await outbox.EnqueueManyAsync(batch));

        var random = new Random(20261205);
        var killed = 0;
        var workers = Enumerable.Range(0, 3).Select(_ => StartWorker(connectionString, server.Port)).ToArray();
        var waited = Stopwatch.StartNew();
        while (killed < kills && waited.Elapsed < TimeSpan.FromMinutes(4))
        {
            var before = server.Messages.Count;
            while (server.Messages.Count == before && workers.Any(w => !w.HasExited) && waited.Elapsed < TimeSpan.FromMinutes(4))
            {
                await Task.Delay(2);
            }

            await Task.Delay(random.Next(0, 40));
            var victim = random.Next(workers.Length);
            if (workers.All(w => w.HasExited))
            {
                break;
            }

            if (!workers[victim].HasExited)
            {
                workers[victim].Kill();
                await workers[victim].WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                killed++;
            }

            workers[victim].Dispose();
            workers[victim] = StartWorker(connectionString, server.Port);
        }

        foreach (var worker in workers)
        {
            Assert.True(worker.WaitForExit(TimeSpan.FromMinutes(4)), "a worker did not drain the outbox: " + await outbox.CountAsync());
            worker.Dispose();
        }

        var entries = await outbox.ListAsync().ToArrayAsync();
        output.WriteLine($"kills {killed}; received {server.Messages.Count}; states {string.Join(", ", entries.GroupBy(e => e.State).Select(g => $"{g.Key} {g.Count()}"))}");
        Assert.True(killed >= kills, $"only {killed} kills before the outbox drained");
        CrashWorkers.AssertEveryStateTellsTheTruth(entries, server.Messages, messages);
    }

    private static Process StartWorker(string connectionString, int port)
    {
        var process = CrashWorkers.Start("postgresql", connectionString, port);
        process.BeginOutputReadLine();
        return process;
    }

    private static SmtpSender Sender(int port) =>
        new(new SmtpSettings { Host = "127.0.0.1", Port = port, Mode = SessionMode.NeverTls, MaxConnections = 4 });
}
