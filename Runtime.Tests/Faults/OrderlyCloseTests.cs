using System;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>QUIT on every orderly close (RFC 5321 §4.1.1.10), and Dispose waits for the send in flight.</summary>
public sealed class OrderlyCloseTests
{
    [Fact]
    public async Task SmtpSend_SendsQuit()
    {
        await using var server = ScriptedSmtpServer.Start();
        Assert.Equal(0, InternetCommands.SMTP_New(out var id));
        try
        {
            InternetCommands.SMTP_Host(id, server.Host);
            InternetCommands.SMTP_From(id, "herb_tarlick@wkrp.com");
            InternetCommands.SMTP_To(id, "andy@wkrp.com");
            Assert.True(MessageHandles.TryGet(id, out var message));
            message.Port = server.Port;

            Assert.Equal(0, InternetCommands.SMTP_Send(id, 2));
        }
        finally
        {
            InternetCommands.SMTP_Clear(ref id);
        }

        Assert.True(server.Connections.Single().QuitReceived);
    }

    [Fact]
    public async Task SmtpQuickSend_SendsQuit_InBothItsPaths()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { OfferStartTls = false });
        const string raw = "From: herb_tarlick@wkrp.com\r\nTo: andy@wkrp.com\r\nSubject: Raw\r\n\r\nBody\r\n";

        Assert.Equal(0, InternetCommands.SMTP_QuickSend(server.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com", "Plain", "Body", 2, server.Port));
        Assert.Equal(0, InternetCommands.SMTP_QuickSend(server.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com", "ignored", raw, 8, server.Port));

        Assert.Equal(2, server.Connections.Count);
        Assert.All(server.Connections, c => Assert.True(c.QuitReceived));
    }

    [Fact]
    public async Task Dispose_AndDisposeAsync_SendQuit()
    {
        await using var server = ScriptedSmtpServer.Start();
        using var message = LoopbackServers.Letter();
        var synchronous = new SmtpSender(server.Settings(SessionMode.NeverTls));
        Assert.Equal(0, (await synchronous.SendAsync(message)).Code);
        synchronous.Dispose();
        var asynchronous = new SmtpSender(server.Settings(SessionMode.NeverTls));
        Assert.Equal(0, (await asynchronous.SendAsync(message)).Code);
        await asynchronous.DisposeAsync();

        Assert.Equal(2, server.Connections.Count);
        Assert.All(server.Connections, c => Assert.True(c.QuitReceived));
    }

    [Fact]
    public async Task TheEndOfAMerge_SendsQuit()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        var messages = Enumerable.Range(0, 3).Select(i => LoopbackServers.Letter($"listener{i}@wkrp.com")).ToList();

        var results = await sender.SendManyAsync(messages);

        Assert.All(results, r => Assert.Equal(0, r.Code));
        Assert.True(server.Connections.Single().QuitReceived);
        messages.ForEach(m => m.Dispose());
    }

    [Fact]
    public async Task DisposeAsync_WaitsForTheSendInFlight_ThenSendsQuit_WithoutAnException()
    {
        // The reply to the first message is held until the sender is disposing: the second is then surely queued.
        var disposing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { SlowUntil = _ => disposing.Task.IsCompleted });
        var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter();
        using var queued = LoopbackServers.Letter("bailey@wkrp.com");
        server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Slow));

        var inFlight = sender.SendAsync(message);
        await server.WhenAsync(s => s.Connections.Any(c => c.Commands.Contains("DATA")));

        var waiting = sender.SendAsync(queued);
        var disposed = sender.DisposeAsync().AsTask();
        disposing.SetResult();
        await disposed.WaitAsync(LoopbackServers.Patience);

        Assert.Equal(0, (await inFlight).Code);
        var turnedAway = await waiting;
        Assert.Equal(ErrorCodes.NotAttempted, turnedAway.Code);
        Assert.Equal(SendOutcome.NotAttempted, turnedAway.Outcome);
        var connection = server.Connections.Single();
        Assert.True(connection.QuitReceived);
        Assert.Equal("QUIT", connection.Commands[^1]);
        Assert.Single(server.Received);
        Assert.Throws<ObjectDisposedException>(() => { _ = sender.SendAsync(message); });
    }
}
