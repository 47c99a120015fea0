using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MimeKit;

namespace TypedMail.Outbox.Tests;

/// <summary>
/// With TypedMail's own sender the mark is taken after the data, before the final dot: not at all when the send fails
/// before the data (the entry can go back to Pending after a crash), once before the server has the message otherwise;
/// a mark that fails (a lost lease) stops the message before its end and reaches the worker as its exception.
/// </summary>
public sealed class DeliveryTransportTests
{
    private static readonly MailboxAddress From = MailboxAddress.Parse("shop@example.com");

    [Fact]
    public async Task TheMark_IsTakenOnceBeforeTheServerHasTheMessage_AndNotWhenTheSendFailsBeforeItsData()
    {
        await using var server = await OutboxFixture.StartMailboxAsync(configure: o => o.RejectedRecipients.Add("nobody@example.com"));
        await using var fixture = new OutboxFixture(server.Port);
        var transport = new DeliveryTransport(fixture.Sender);
        var marks = new List<int>();
        Task Mark(CancellationToken _)
        {
            marks.Add(server.Messages.Count);
            return Task.CompletedTask;
        }

        var refused = await transport.SendAsync(Letter(), From, new[] { MailboxAddress.Parse("nobody@example.com") }, Mark, CancellationToken.None);
        Assert.Equal(550, refused.Code);
        Assert.Empty(marks);

        var sent = await transport.SendAsync(Letter(), From, new[] { MailboxAddress.Parse("customer@example.com") }, Mark, CancellationToken.None);
        Assert.Equal(0, sent.Code);
        Assert.Equal(new[] { 0 }, marks);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task AMarkThatFails_ReachesTheWorker_AndTheServerStoresNothing()
    {
        await using var server = await OutboxFixture.StartMailboxAsync();
        await using var fixture = new OutboxFixture(server.Port);
        var transport = new DeliveryTransport(fixture.Sender);

        await Assert.ThrowsAsync<LeaseLostException>(() => transport.SendAsync(Letter(), From, new[] { MailboxAddress.Parse("customer@example.com") },
            _ => throw new LeaseLostException(42), CancellationToken.None));

        Assert.Empty(server.Messages);
    }

    private static MimeMessage Letter()
    {
        var message = new MimeMessage();
        message.From.Add(From);
        message.To.Add(MailboxAddress.Parse("customer@example.com"));
        message.Subject = "Your order";
        message.Body = new TextPart("plain") { Text = "Thank you." };
        return message;
    }
}
