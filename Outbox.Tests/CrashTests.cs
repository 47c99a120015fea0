using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace TypedMail.Outbox.Tests;

/// <summary>
/// The promise of docs/outbox.md under SIGKILL: a worker process delivering 5,000 messages is killed at random moments
/// at least 50 times and started again until the outbox is drained; then every entry is checked against what the
/// server received.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Messages = 5000;
    private const int Kills = 50;

    [Fact]
    public async Task KilledAtRandomMoments_NothingIsLost_NothingArrivesTwice_AndEveryStateTellsTheTruth()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        var batch = Enumerable.Range(0, Messages).Select(i => ((ITypedMailMessage)OrderConfirmation.For(i), (EnqueueOptions?)new EnqueueOptions { IdempotencyKey = $"crash/{i}" })).ToList();
        Assert.Equal(Messages, await fixture.Outbox.EnqueueManyAsync(batch));

        var random = new Random(20261205);
        var kills = 0;
        var receivedAtKills = new System.Collections.Generic.List<int>();
        while (kills < Kills)
        {
            using var worker = CrashWorkers.Start("sqlite", fixture.ConnectionString, server.Port);
            await WaitForStartAsync(worker);

            // Kill while it delivers: once this worker has delivered something, after a random few milliseconds more.
            var before = server.Messages.Count;
            var waited = Stopwatch.StartNew();
            while (server.Messages.Count == before && !worker.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(2);
            }

            await Task.Delay(random.Next(0, 40));
            if (worker.HasExited)
            {
                break;   // drained before this kill: counted below
            }

            worker.Kill();   // SIGKILL on Unix: no finally blocks, no QUIT, leases left as they are
            await worker.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            kills++;
            receivedAtKills.Add(server.Messages.Count);
        }

        using (var last = CrashWorkers.Start("sqlite", fixture.ConnectionString, server.Port))
        {
            var lastStarted = Stopwatch.StartNew();
            if (!last.WaitForExit(TimeSpan.FromMinutes(4)))
            {
                var stuck = await fixture.Outbox.CountAsync();
                last.Kill();
                Assert.Fail($"the last worker did not drain the outbox: {stuck}; kills {kills}; received {server.Messages.Count}");
            }
            Assert.Equal(0, last.ExitCode);
            output.WriteLine($"the last worker drained the rest in {lastStarted.Elapsed}");
        }

        var entries = await fixture.Outbox.ListAsync().ToArrayAsync();
        var received = server.Messages.GroupBy(m => m.Message.MessageId ?? "(none)").ToDictionary(g => g.Key, g => g.Count());
        var byState = entries.GroupBy(e => e.State).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine($"kills {kills}; received {server.Messages.Count}; states {string.Join(", ", byState.Select(p => $"{p.Key} {p.Value}"))}; received at each kill: {string.Join(" ", receivedAtKills)}");

        Assert.True(kills >= Kills, $"only {kills} kills happened before the outbox drained");
        Assert.True(receivedAtKills.Distinct().Count() > Kills / 2, "the kills must fall while messages are being delivered, not before or after");
        CrashWorkers.AssertEveryStateTellsTheTruth(entries, server.Messages, Messages);
        var held = entries.Select(e => e.MessageId).ToHashSet(StringComparer.Ordinal);
        Assert.True(received.Keys.All(held.Contains), "the server received a message the outbox does not hold");
    }

    private static async Task WaitForStartAsync(Process worker)
    {
        var line = await worker.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(line == "started" || worker.HasExited, $"the worker said '{line}'");
    }
}
