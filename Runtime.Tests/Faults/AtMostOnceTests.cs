using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>SMTP_SEND.md §3: a message is transmitted at most once per send; a loss after the final dot is 12013.</summary>
public sealed class AtMostOnceTests
{
    [Fact]
    public async Task LossAfterTheFinalDot_OnAReusedConnection_Is12013_NotResent_AndCarriesTheMessageId()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var first = LoopbackServers.Letter("andy@wkrp.com");
        using var second = LoopbackServers.Letter("bailey@wkrp.com");
        Assert.Equal(0, (await sender.SendAsync(first)).Code);
        server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Drop));

        var result = await sender.SendAsync(second);

        Assert.Equal(ErrorCodes.OutcomeUnknown, result.Code);
        Assert.Equal(SendOutcome.Unknown, result.Outcome);
        Assert.False(result.Delivered);
        var stored = Assert.Single(server.Received, m => m.Recipients.Contains("bailey@wkrp.com"));
        Assert.Equal(stored.MessageId, result.MessageId);
        Assert.Contains(stored.MessageId!, result.ErrorText, StringComparison.Ordinal);
        Assert.Single(server.Connections);
    }

    [Fact]
    public async Task A354InTwoPieces_ThenALossAfterTheFinalDot_OnAReusedConnection_Is12013_AndTheMessageIsStoredOnce()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Fragmenter = new ReplyFragmenter(null, "354") });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var first = LoopbackServers.Letter("andy@wkrp.com");
        using var second = LoopbackServers.Letter("bailey@wkrp.com");
        Assert.Equal(0, (await sender.SendAsync(first).WaitAsync(TimeSpan.FromSeconds(30))).Code);
        server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Drop));

        var result = await sender.SendAsync(second).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ErrorCodes.OutcomeUnknown, result.Code);
        Assert.Single(server.Received, m => m.Recipients.Contains("bailey@wkrp.com"));
        Assert.Single(server.Connections);
    }

    [Fact]
    public async Task A354InTwoPieces_ThenALossAfterTheFinalDot_OnAFreshConnection_Is12013_Not10027()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Fragmenter = new ReplyFragmenter(null, "354") });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("bailey@wkrp.com");
        server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Drop));

        var result = await sender.SendAsync(message).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ErrorCodes.OutcomeUnknown, result.Code);
        Assert.Equal(Assert.Single(server.Received).MessageId, result.MessageId);
    }

    [Fact]
    public async Task A421SplitAcrossReads_IsTheReplyReported_WhenTheServerCloses()
    {
        // The 421 arrives in pieces, after a read that started with another reply's bytes.
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Fragmenter = new ReplyFragmenter(null, "421") });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("bailey@wkrp.com");
        server.Arm(new Fault(FaultStage.Ehlo, FaultKind.Transient));

        var result = await sender.SendAsync(message).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(421, result.Code);
        Assert.Contains("Try again later", result.ServerText, StringComparison.Ordinal);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task ConnectionClosedBeforeTheData_OnAReusedConnection_IsResentOnce_OnANewConnection_WithoutNoop()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var first = LoopbackServers.Letter("andy@wkrp.com");
        using var second = LoopbackServers.Letter("bailey@wkrp.com");
        Assert.Equal(0, (await sender.SendAsync(first)).Code);
        server.Arm(new Fault(FaultStage.Mail, FaultKind.Drop));

        var result = await sender.SendAsync(second);

        Assert.Equal(0, result.Code);
        Assert.Single(server.Received, m => m.Recipients.Contains("bailey@wkrp.com"));
        Assert.Equal(2, server.Connections.Count);
        Assert.DoesNotContain(server.Connections.SelectMany(c => c.Commands), c => c == "NOOP");
    }

    [Theory]
    [InlineData(nameof(FaultStage.Mail))]
    [InlineData(nameof(FaultStage.Rcpt))]
    [InlineData(nameof(FaultStage.Data))]
    public async Task A421ClosingAKeptConnection_BeforeTheData_IsALostConnection_ResentOnceOnANewOne(string at)
    {
        var stage = Enum.Parse<FaultStage>(at);
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var first = LoopbackServers.Letter("andy@wkrp.com");
        using var second = LoopbackServers.Letter("bailey@wkrp.com");
        Assert.Equal(0, (await sender.SendAsync(first)).Code);
        server.Arm(new Fault(stage, FaultKind.Closing));

        var result = await sender.SendAsync(second);

        Assert.Equal((0, SendOutcome.Delivered), (result.Code, result.Outcome));
        Assert.Single(server.Received, m => m.Recipients.Contains("bailey@wkrp.com"));
        Assert.Equal(2, server.Connections.Count);
        Assert.Equal(2, server.Connections[0].Commands.Count(c => c.StartsWith("MAIL", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A421ToMailFrom_OnAFreshConnection_IsReportedAs421_NotResent()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var letter = LoopbackServers.Letter("andy@wkrp.com");
        server.Arm(new Fault(FaultStage.Mail, FaultKind.Closing));

        var result = await sender.SendAsync(letter);

        Assert.Equal((421, SendOutcome.NotDelivered), (result.Code, result.Outcome));
        Assert.Empty(server.Received);
        Assert.Single(server.Connections);
    }

    [Fact]
    public async Task AMessageLargerThanTheAnnouncedSize_Is12006_BeforeMailFrom_NothingOfItSent()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { AnnouncedSize = 4_000 });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var letter = LoopbackServers.Letter("andy@wkrp.com");
        letter.SetBody(new string('x', 10_000), BodyOption.Replace);

        var result = await sender.SendAsync(letter);

        Assert.Equal((ErrorCodes.MessageTooLarge, SendOutcome.NotDelivered), (result.Code, result.Outcome));
        Assert.Contains("4000", result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Received);
        Assert.DoesNotContain(server.Connections.SelectMany(c => c.Commands), c => c.StartsWith("MAIL", StringComparison.Ordinal) || c == "DATA");
    }

    [Fact]
    public async Task AConnectionIdleLongerThanTheThreshold_IsCheckedWithNoop()
    {
        await using var server = ScriptedSmtpServer.Start();
        var settings = server.Settings(SessionMode.NeverTls);
        settings.IdleCheckSeconds = 0;
        await using var sender = new SmtpSender(settings);
        using var message = LoopbackServers.Letter();

        Assert.Equal(0, (await sender.SendAsync(message)).Code);
        await Task.Delay(50);
        Assert.Equal(0, (await sender.SendAsync(message)).Code);

        Assert.Equal(1, server.Connections.Single().Commands.Count(c => c == "NOOP"));
    }

    [Fact]
    public async Task ALossBeforeTheData_OnAFreshConnection_IsNotRetried()
    {
        await using var server = ScriptedSmtpServer.Start();
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter();
        server.Arm(new Fault(FaultStage.Rcpt, FaultKind.Drop));

        var result = await sender.SendAsync(message);

        Assert.Equal(ErrorCodes.ConnectionLost, result.Code);
        Assert.Equal(SendOutcome.NotDelivered, result.Outcome);
        Assert.Single(server.Connections);
        Assert.Empty(server.Received);
    }

    [Fact]
    public async Task CancelledWhileWaitingForTheReplyToTheData_Is12013_CancelledBefore_Is10000()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { Stall = TimeSpan.FromSeconds(10) });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter();
        server.Arm(new Fault(FaultStage.AfterDot, FaultKind.Stall));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            var unknown = await sender.SendAsync(message, cancel.Token);
            Assert.Equal(ErrorCodes.OutcomeUnknown, unknown.Code);
        }

        server.Arm(new Fault(FaultStage.Mail, FaultKind.Stall));
        using (var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            var cancelled = await sender.SendAsync(message, cancel.Token);
            Assert.Equal(ErrorCodes.Cancelled, cancelled.Code);
            Assert.Equal(SendOutcome.NotDelivered, cancelled.Outcome);
        }

        Assert.Single(server.Received);
    }
}
