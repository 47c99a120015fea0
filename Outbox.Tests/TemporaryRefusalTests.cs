using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;

namespace TypedMail.Outbox.Tests;

public sealed class TemporaryRefusalTests
{
    [Fact]
    public async Task A421Storm_BacksOff_EachNextAttemptFurtherAway_ThenDeliversOnce()
    {
        await using var server = new AnsweringSmtpServer { Storm = true };
        await using var fixture = new OutboxFixture(server.Port, o => o.RetryBaseDelay = TimeSpan.FromSeconds(10));
        var entry = await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(1));

        var gaps = new List<TimeSpan>();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(1, await fixture.Worker.RunOnceAsync(default));
            var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
            Assert.Equal((OutboxState.Pending, attempt), (stored.State, stored.Attempts));
            Assert.Contains("421", stored.LastText);
            gaps.Add(stored.NextAttemptAt - fixture.Clock.GetUtcNow());
            Assert.Equal(0, await fixture.Worker.RunOnceAsync(default));   // not due before its time
            fixture.Clock.Advance(stored.NextAttemptAt - fixture.Clock.GetUtcNow());
        }

        Assert.True(server.Greeted421 >= 4, $"the server greeted {server.Greeted421} connections with 421");
        for (var i = 1; i < gaps.Count; i++)
        {
            Assert.True(gaps[i] > gaps[i - 1], "the delays grow: " + string.Join(", ", gaps));
        }

        server.Storm = false;
        await fixture.DrainAsync();
        var sent = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal((OutboxState.Sent, 5), (sent.State, sent.Attempts));
        Assert.Single(server.Received);
        Assert.Equal(entry.MessageId, server.Received[0].MessageId.Trim('<', '>'));
    }

    [Fact]
    public async Task APartialDelivery_WithATemporaryRefusal_RetriesOnlyTheRecipientsRefusedFor4xx()
    {
        await using var server = new AnsweringSmtpServer();
        server.DeferredRecipients["audit@example.org"] = 1;   // the Bcc is refused with 450 once, then accepted
        await using var fixture = new OutboxFixture(server.Port);
        await fixture.Outbox.EnqueueAsync(OrderConfirmation.For(7));

        Assert.Equal(1, await fixture.Worker.RunOnceAsync(default));
        var first = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal((OutboxState.Pending, ErrorCodes.PartiallyDelivered), (first.State, first.LastCode));

        await fixture.DrainAsync();
        var stored = Assert.Single(await fixture.Outbox.ListAsync().ToArrayAsync());
        Assert.Equal((OutboxState.Sent, 2), (stored.State, stored.Attempts));
        Assert.Equal(2, server.Received.Count);
        Assert.Equal(["customer7@example.com"], server.Received[0].Recipients);
        Assert.Equal(["audit@example.org"], server.Received[1].Recipients);   // the customer is not sent a second copy
        Assert.Equal(server.Received[0].MessageId, server.Received[1].MessageId);
    }
}
