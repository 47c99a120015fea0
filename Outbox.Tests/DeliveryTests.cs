using System;
using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Outbox.Tests;

public sealed class DeliveryTests
{
    [Fact]
    public async Task Enqueued_IsDeliveredOnce_ToTheEnvelope_WithTheMessageIdFixedAtEnqueue()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);

        var entry = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));
        Assert.Equal(OutboxState.Pending, entry.State);

        await fixture.DrainAsync();

        var received = Assert.Single(server.Messages);
        Assert.Equal("<" + entry.MessageId + ">", received.Message.Headers[MimeKit.HeaderId.MessageId]);
        Assert.Equal(new[] { "customer1@example.com", "audit@example.org" }, received.Recipients.OrderBy(r => r, StringComparer.Ordinal).Reverse().ToArray());
        Assert.Null(received.Message.Headers[MimeKit.HeaderId.Bcc]);
        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal(OutboxState.Sent, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Equal(0, stored.LastCode);
    }

    [Fact]
    public async Task APermanentRefusal_EndsFailed_AfterOneAttempt_AndNothingArrives()
    {
        await using var server = await OutboxFixture.StartMailboxAsync(configure: o => { o.RejectedRecipients.Add("customer7@example.com"); o.RejectedRecipients.Add("audit@example.org"); });
        await using var fixture = new OutboxFixture(server.Port);

        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(7));
        await fixture.DrainAsync();

        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal(OutboxState.Failed, stored.State);
        Assert.Equal(1, stored.Attempts);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task APartialDelivery_WithAPermanentRefusal_IsSent_AndNotRetried()
    {
        await using var server = await OutboxFixture.StartMailboxAsync(configure: o => o.RejectedRecipients.Add("audit@example.org"));
        await using var fixture = new OutboxFixture(server.Port);

        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(4));
        await fixture.DrainAsync();
        fixture.Clock.Advance(TimeSpan.FromDays(1));
        await fixture.DrainAsync();

        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal((OutboxState.Sent, ErrorCodes.PartiallyDelivered, 1), (stored.State, stored.LastCode, stored.Attempts));
        var received = Assert.Single(server.Messages);
        Assert.Equal(new[] { "customer4@example.com" }, received.Recipients);
    }

    [Fact]
    public async Task AServerDownForAWhile_EveryEntryEndsSent_NoneTwice_AndTheDelaysGrow()
    {
        var port = OutboxFixture.FreePort();
        await using var fixture = new OutboxFixture(port, o => o.RetryBaseDelay = TimeSpan.FromSeconds(10));
        for (var i = 0; i < 20; i++)
        {
            await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(i), new EnqueueOptions { IdempotencyKey = $"order-{i}" });
        }

        // Three rounds against nothing: each is refused (connection refused), and each next attempt is further away.
        var gaps = new System.Collections.Generic.List<TimeSpan>();
        for (var round = 0; round < 3; round++)
        {
            Assert.Equal(20, await fixture.Worker.RunOnceAsync(default));
            var entries = await fixture.Outbox.ListAsync().ToArrayAsync();
            Assert.All(entries, e => Assert.Equal(OutboxState.Pending, e.State));
            Assert.All(entries, e => Assert.True(e.LastCode < 0, $"expected a network error code, got {e.LastCode}"));
            gaps.Add(entries.Min(e => e.NextAttemptAt) - fixture.Clock.GetUtcNow());
            fixture.Clock.Advance(entries.Max(e => e.NextAttemptAt) - fixture.Clock.GetUtcNow());
        }

        Assert.True(gaps[1] > gaps[0] && gaps[2] > gaps[1], "backoff grows: " + string.Join(", ", gaps));

        await using var server = await OutboxFixture.StartMailboxAsync(port);
        await fixture.DrainAsync();

        var all = await fixture.Outbox.ListAsync().ToArrayAsync();
        Assert.All(all, e => Assert.Equal(OutboxState.Sent, e.State));
        Assert.Equal(20, server.Messages.Count);
        Assert.Equal(20, server.Messages.Select(m => m.Message.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task RunOutOfAttempts_EndsFailed()
    {
        var port = OutboxFixture.FreePort();
        await using var fixture = new OutboxFixture(port, o => o.MaxAttempts = 3);
        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));

        await fixture.DrainAsync();

        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal(OutboxState.Failed, stored.State);
        Assert.Equal(3, stored.Attempts);
        Assert.Contains("gave up after 3 attempts", stored.LastText, StringComparison.Ordinal);
    }
}
