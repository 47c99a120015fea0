using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using MimeKit;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>Per-recipient outcomes, the checks before the wire, network failures, and the message left unchanged.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task OneRefusedRecipient_TheOthersStillGetTheMessage()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        using var message = LoopbackServers.Letter("bigguy@wkrp.com, nobody@wkrp.com, andy@wkrp.com");

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.True(result.Delivered);
        Assert.False(result.Succeeded);
        Assert.Equal(ErrorCodes.PartiallyDelivered, result.Code);
        Assert.Equal(550, result.SmtpStatus);
        Assert.Equal("5.1.1", result.EnhancedStatus);
        var refused = Assert.Single(result.Recipients, r => !r.Accepted);
        Assert.Equal("nobody@wkrp.com", refused.Address);
        Assert.Equal(2, result.Recipients.Count(r => r.Accepted));
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal(new[] { "bigguy@wkrp.com", "andy@wkrp.com" }, received.Recipients);
    }

    [Fact]
    public async Task EveryRecipientRefused_NoData_AndTheRefusalCode()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        using var message = LoopbackServers.Letter("nobody@wkrp.com");

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.Equal(550, result.Code);
        Assert.False(result.Delivered);
        Assert.False(Assert.Single(result.Recipients).Accepted);
        Assert.Empty(server.Messages);
        Assert.All(server.Sessions, s => Assert.DoesNotContain("DATA", s.Commands));
    }

    [Fact]
    public async Task NothingListening_GivesTheNegatedConnectionRefusedCode()
    {
        // Bound but not listening: connecting is refused, and no parallel test can take the port meanwhile.
        using var held = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)held.LocalEndPoint!).Port;
        using var message = LoopbackServers.Letter();
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await message.SendAsync(new SmtpSettings { Host = "127.0.0.1", Port = port, Mode = SessionMode.NeverTls, TimeoutSeconds = 5 }, bound.Token);

        Assert.Equal(ErrorCodes.ConnectionRefused, result.Code);
        Assert.Equal(-10061, result.Code);
        Assert.False(result.Delivered);
        Assert.Contains("Network", ErrorCodes.Text(result.Code) + " " + result.ErrorText, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ChecksRunInOrder_10005_10006_10007_WithNothingOnTheWire()
    {
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        using var message = new SmtpMessage();

        settings.Host = null;
        Assert.Equal(ErrorCodes.NoHost, (await message.SendAsync(settings)).Code);

        settings.Host = server.Host;
        Assert.Equal(ErrorCodes.NoFrom, (await message.SendAsync(settings)).Code);

        message.SetFrom("herb_tarlick@wkrp.com");
        Assert.Equal(ErrorCodes.NoRecipient, (await message.SendAsync(settings)).Code);

        Assert.Empty(server.Sessions);
        message.SetCc("andy@wkrp.com");
        Assert.True((await message.SendAsync(settings)).Succeeded);
    }

    [Fact]
    public async Task DisposedMessage_Throws_AndEveryCallThrows()
    {
        var message = LoopbackServers.Letter();
        message.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => message.SendAsync(new SmtpSettings { Host = "127.0.0.1" }));
        Assert.Throws<ObjectDisposedException>(() => message.SetTo("a@wkrp.com"));
        Assert.Throws<ObjectDisposedException>(() => message.To);
        Assert.Throws<ObjectDisposedException>(() => message.ToMimeMessage());
    }

    [Fact]
    public async Task LineBreakInAHeaderValue_IsRefusedBeforeAnythingIsSent()
    {
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.LetterFor(server);

        var error = Assert.Throws<TypedMailException>(() => message.SetSubject("Offer\r\nBcc: everyone@evil.example", TextOption.Replace));

        Assert.Equal(ErrorCodes.HeaderInjection, error.Code);
        Assert.Contains("line break", error.Message);
        Assert.Empty(server.Sessions);
        Assert.Equal("Discounts on Ad Space!", message.Subject);
    }

    [Fact]
    public async Task SendingTwice_DeliversTwice_AndLeavesTheMessageUnchanged()
    {
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.LetterFor(server);
        message.SetBcc("jennifer@wkrp.com");
        var before = message.ToMimeMessage();

        var first = await message.SendAsync(SessionMode.NeverTls);
        var second = await message.SendAsync(SessionMode.NeverTls);

        Assert.True(first.Succeeded, first.ToString());
        Assert.True(second.Succeeded, second.ToString());
        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        Assert.All(received, r => Assert.Equal(new[] { "bigguy@wkrp.com", "jennifer@wkrp.com" }, r.Recipients));
        Assert.All(received, r => Assert.Equal("Discounts on Ad Space!", r.Message.Subject));
        var after = message.ToMimeMessage();
        Assert.Equal(before.Subject, after.Subject);
        Assert.Equal(before.To.ToString(), after.To.ToString());
        Assert.Equal("jennifer@wkrp.com", Assert.Single(message.Bcc).Address);
        Assert.Equal("Dear friend,\rour offer.", message.TextBody);
        Assert.Equal(server.Port, message.Port);
    }

    [Fact]
    public async Task MessageLargerThanTheServersSize_Gives12006_AndSendsNothing()
    {
        await using var server = await LoopbackServers.StartAsync(configure: o => o.MaxMessageSize = 2_000);
        using var message = LoopbackServers.Letter();
        message.SetBody(new string('x', 10_000), BodyOption.Replace);

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.Equal(ErrorCodes.MessageTooLarge, result.Code);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task RuleError_Gives12007_WithTheRuleSentence_AndNothingOnTheWire()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls));

        Assert.Equal(ErrorCodes.RuleViolation, result.Code);
        Assert.Contains(DiagnosticIds.StartTlsWithoutAuthentication, result.ErrorText);
        Assert.Empty(server.Sessions);
    }

    [Fact]
    public async Task RuleWarning_IsLoggedOnly_TheSendGoesOn()
    {
        await using var server = await LoopbackServers.StartAsync(withUser: true);
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls, withCredentials: true), logger);
        using var message = LoopbackServers.Letter();

        // TM0004 (credentials with NeverTls) is a warning: one warning logged, nothing worse, the message delivered.
        var result = await sender.SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        var warning = Assert.Single(logger.Lines, l => l.Level == LogLevel.Warning);
        Assert.StartsWith(DiagnosticIds.CredentialsInClearText + ": ", warning.Text);
        Assert.DoesNotContain(logger.Lines, l => l.Level >= LogLevel.Error);
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal(LoopbackServers.User, received.AuthenticatedUser);
    }

    [Fact]
    public async Task CancelledBeforeTheSend_Gives10000()
    {
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.Letter();
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls), cancelled.Token);

        Assert.Equal(ErrorCodes.Cancelled, result.Code);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task MimeMessage_EnvelopeFromItsHeaders_BccNeverOnTheWire()
    {
        await using var server = await LoopbackServers.StartAsync();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse("herb_tarlick@wkrp.com"));
        mime.To.Add(MailboxAddress.Parse("bigguy@wkrp.com"));
        mime.Bcc.Add(MailboxAddress.Parse("jennifer@wkrp.com"));
        mime.Subject = "Hidden copy";
        mime.Body = new TextPart("plain") { Text = "Body" };

        var result = await sender.SendAsync(mime);

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal(new[] { "bigguy@wkrp.com", "jennifer@wkrp.com" }, received.Recipients);
        Assert.Empty(received.Message.Bcc);
        Assert.DoesNotContain("jennifer", System.Text.Encoding.UTF8.GetString(received.RawMime));
    }

    [Fact]
    public async Task SilentServer_GivesTheNegatedTimeoutCode_WithinTheTimeout()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var message = LoopbackServers.Letter();
            using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(60));

            // The listener accepts the connection (backlog) but never greets: the 1 s reply timeout must fire.
            var result = await message.SendAsync(new SmtpSettings { Host = "127.0.0.1", Port = port, Mode = SessionMode.NeverTls, TimeoutSeconds = 1 }, bound.Token);

            Assert.Equal(ErrorCodes.TimedOut, result.Code);
            Assert.False(result.Delivered);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task SendManyMimeMessages_OneResultEach()
    {
        await using var server = await LoopbackServers.StartAsync();
        await using var sender = new SmtpSender(LoopbackServers.Settings(server, SessionMode.NeverTls));
        var messages = new[] { "andy@wkrp.com", "bailey@wkrp.com" }.Select(to =>
        {
            var mime = new MimeMessage();
            mime.From.Add(MailboxAddress.Parse("herb_tarlick@wkrp.com"));
            mime.To.Add(MailboxAddress.Parse(to));
            mime.Subject = "To " + to;
            mime.Body = new TextPart("plain") { Text = "Body" };
            return mime;
        }).ToList();
        messages.Add(new MimeMessage());

        var results = await sender.SendManyAsync(messages);

        Assert.Equal(new[] { 0, 0, ErrorCodes.NoFrom }, results.Select(r => r.Code));
        var received = await server.WaitForMessagesAsync(2, LoopbackServers.Patience);
        Assert.Equal(new[] { "To andy@wkrp.com", "To bailey@wkrp.com" }, received.Select(r => r.Message.Subject));
    }

    [Fact]
    public async Task SynchronousSend_WithTheMessagesOwnHostAndPort()
    {
        await using var server = await LoopbackServers.StartAsync();
        using var message = LoopbackServers.LetterFor(server);

        var result = message.Send(SessionMode.NeverTls);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Equal(250, result.SmtpStatus);
        Assert.Equal("bigguy@wkrp.com", (await server.WaitForMessageAsync(LoopbackServers.Patience)).Recipients.Single());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(128)]
    public void Timeout_Outside1To127_IsRefused(int seconds)
    {
        using var message = new SmtpMessage();

        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<TypedMailException>(() => message.TimeoutSeconds = seconds).Code);
        Assert.Equal(ErrorCodes.InvalidArgument, Assert.Throws<TypedMailException>(() => message.Port = 65536).Code);
        Assert.Null(message.TimeoutSeconds);
    }
}
