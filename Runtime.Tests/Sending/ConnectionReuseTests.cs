using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>SmtpSender: many messages over one connection, progress, cancellation, and one reconnection when the server closed it.</summary>
public sealed class ConnectionReuseTests
{
    [Fact]
    public async Task SendMany_UsesOneConnection_ReportsProgress_AndAFailureDoesNotStopTheNext()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        var messages = new List<SmtpMessage>
        {
            LoopbackServers.Letter("andy@wkrp.com"),
            LoopbackServers.Letter("nobody@wkrp.com"),
            LoopbackServers.Letter("bailey@wkrp.com"),
        };
        var reports = new List<SendProgress>();

        var results = await sender.SendManyAsync(messages, new InlineProgress<SendProgress>(reports.Add));

        Assert.Equal(new[] { 0, 550, 0 }, results.Select(r => r.Code));
        Assert.Equal(new[] { 1, 2, 3 }, reports.Select(p => p.Completed));
        Assert.All(reports, p => Assert.Equal(3, p.Total));
        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com" }, received.Select(r => r.Recipients.Single()));
        Assert.Single(server.Sessions);
        Assert.Equal(2, server.Sessions[0].MessagesReceived);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task SendMany_StopsWhenCancelled_TheRestGet10000()
    {
        await using var server = await LoopbackServers.StartAsync();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        using var cancel = new CancellationTokenSource();
        var messages = Enumerable.Range(0, 5).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages, new InlineProgress<SendProgress>(p =>
        {
            if (p.Completed == 2)
            {
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.Equal(new[] { 0, 0, ErrorCodes.Cancelled, ErrorCodes.Cancelled, ErrorCodes.Cancelled }, results.Select(r => r.Code));
        Assert.Equal(2, server.Messages.Count);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public Task Sender_ReconnectsOnce_WhenTheServerClosedTheConnection() => PortRetry.WhenTakenAsync(async () =>
    {
        var first = await LoopbackServers.StartAsync();
        var port = first.Port;
        await using var sender = new SmtpSender(LoopbackServers.Settings(first, SessionMode.NeverTls));
        using var message = LoopbackServers.Letter();

        Assert.True((await sender.SendAsync(message)).Succeeded);
        Assert.True(sender.IsConnected);
        await first.StopAsync();

        await using var second = await LoopbackServers.StartAsync(configure: o => o.Port = port);
        var result = await sender.SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        var received = await second.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal("bigguy@wkrp.com", received.Recipients.Single());
        Assert.Single(first.Messages);
    });

    [Fact]
    public async Task ServerGoneForGood_GivesANetworkCode_NotAnException()
    {
        var server = await LoopbackServers.StartAsync();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        using var message = LoopbackServers.Letter();
        Assert.True((await sender.SendAsync(message)).Succeeded);
        await server.StopAsync();

        var result = await sender.SendAsync(message);

        Assert.False(result.Delivered);
        Assert.True(result.Code is < 0 or ErrorCodes.ConnectionLost, result.ToString());
    }

    /// <summary>Reports synchronously (Progress&lt;T&gt; posts to the thread pool, which would race with the assertions).</summary>
    private sealed class InlineProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
