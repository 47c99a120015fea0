using System;
using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Outbox.Tests;

public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task AnExpiredLease_WithoutTheEndOfDataMark_GoesBackToPending_AndIsDeliveredOnce()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));

        // A worker that claimed it and died before writing its mark.
        var now = fixture.Clock.GetUtcNow();
        var claimed = await fixture.Store.ClaimAsync("dead-worker", now, now + fixture.Options.LeaseDuration, 10, default);
        Assert.Single(claimed);
        Assert.Equal(0, await fixture.Worker.RunOnceAsync(default));   // still leased: nobody else may take it

        fixture.Clock.Advance(fixture.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await fixture.DrainAsync();

        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task AnExpiredLease_WithTheEndOfDataMark_BecomesUnknown_AndIsNeverResentAutomatically()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        var entry = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));

        var now = fixture.Clock.GetUtcNow();
        var claimed = await fixture.Store.ClaimAsync("dead-worker", now, now + fixture.Options.LeaseDuration, 10, default);
        Assert.True(await fixture.Store.MarkEndOfDataAsync(claimed[0].Id, "dead-worker", default));

        fixture.Clock.Advance(fixture.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await fixture.DrainAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.DrainAsync();

        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal(OutboxState.Unknown, stored.State);
        Assert.Equal(ErrorCodes.OutcomeUnknown, stored.LastCode);
        Assert.Empty(server.Messages);

        // An operator decides: requeued, it goes (once).
        Assert.True(await fixture.Outbox.RequeueAsync(entry.Id));
        await fixture.DrainAsync();
        Assert.Equal(OutboxState.Sent, (await fixture.Outbox.ListAsync().ToArrayAsync()).Single().State);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task AWorkerWhoseLeaseWasTaken_CannotWriteItsMark_SoItNeverSends()
    {
        await using var fixture = new OutboxFixture(OutboxFixture.FreePort());
        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));
        var now = fixture.Clock.GetUtcNow();
        var first = await fixture.Store.ClaimAsync("slow-worker", now, now + fixture.Options.LeaseDuration, 10, default);

        fixture.Clock.Advance(fixture.Options.LeaseDuration + TimeSpan.FromSeconds(1));
        await fixture.Store.RecoverExpiredLeasesAsync(fixture.Clock.GetUtcNow(), default);
        var later = fixture.Clock.GetUtcNow();
        var second = await fixture.Store.ClaimAsync("other-worker", later, later + fixture.Options.LeaseDuration, 10, default);

        Assert.Equal(first[0].Id, second[0].Id);
        Assert.False(await fixture.Store.MarkEndOfDataAsync(first[0].Id, "slow-worker", default));
        Assert.True(await fixture.Store.MarkEndOfDataAsync(second[0].Id, "other-worker", default));
    }

    [Fact]
    public async Task Operators_CancelPendingEntries_AndCannotRequeueSentOnes()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        var sent = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));
        await fixture.DrainAsync();
        var cancelled = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(2));

        Assert.True(await fixture.Outbox.CancelAsync(cancelled.Id));
        Assert.False(await fixture.Outbox.RequeueAsync(sent.Id));
        Assert.False(await fixture.Outbox.CancelAsync(sent.Id));
        await fixture.DrainAsync();

        var counts = await fixture.Outbox.CountAsync();
        Assert.Equal((1L, 1L, 2L), (counts.Sent, counts.Cancelled, counts.Total));
        Assert.Single(server.Messages);
    }
}
