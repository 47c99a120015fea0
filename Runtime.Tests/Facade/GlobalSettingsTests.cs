using System;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Facade;

/// <summary>IT_SetPort / IT_GetPort / IT_SetTimeOut / IT_GetTimeOut and the sends that read them, including SMTP_QuickSend.</summary>
[Collection(ProcessGlobalSettingsCollection.Name)]
public sealed class GlobalSettingsTests : IDisposable
{
    public void Dispose()
    {
        IT_SetPort(SmtpProtocol, 0);
        IT_SetPort(SmtpSslProtocol, 0);
        IT_SetTimeOut(DefaultTimeoutSeconds);
        IT_SetTrustedCertificate(null);
    }

    [Fact]
    public void Ports_Default25And465_SetAndReset()
    {
        Assert.Equal(0, IT_GetPort(2, out var smtp));
        Assert.Equal(25, smtp);
        Assert.Equal(0, IT_GetPort(12, out var ssl));
        Assert.Equal(465, ssl);

        Assert.Equal(0, IT_SetPort(2, 587));
        IT_GetPort(2, out smtp);
        Assert.Equal(587, smtp);

        Assert.Equal(0, IT_SetPort(2, 0));
        IT_GetPort(2, out smtp);
        Assert.Equal(25, smtp);

        Assert.Equal(ErrorCodes.InvalidArgument, IT_SetPort(2, 70000));
        Assert.Equal(ErrorCodes.InvalidArgument, IT_GetPort(99, out _));
    }

    [Fact]
    public void Timeout_0To127_Default30()
    {
        Assert.Equal(0, IT_GetTimeOut(out var seconds));
        Assert.Equal(30, seconds);
        Assert.Equal(0, IT_SetTimeOut(127));
        IT_GetTimeOut(out seconds);
        Assert.Equal(127, seconds);
        Assert.Equal(0, IT_SetTimeOut(0));
        Assert.Equal(ErrorCodes.InvalidArgument, IT_SetTimeOut(128));
        Assert.Equal(ErrorCodes.InvalidArgument, IT_SetTimeOut(-1));
    }

    [Fact]
    public async Task Mode1_ConnectsToProtocol12sPort()
    {
        await using var mailbox = await LoopbackServers.StartAsync(MailboxSecurity.ImplicitTls);
        IT_SetPort(12, mailbox.Port);
        IT_SetTrustedCertificate(mailbox.Certificate);
        SMTP_New(out var id);
        SMTP_Host(id, mailbox.Host);
        SMTP_From(id, "herb_tarlick@wkrp.com");
        SMTP_To(id, "bigguy@wkrp.com");

        var error = SMTP_Send(id, 1);
        SMTP_Clear(ref id);

        Assert.Equal(0, error);
        Assert.True((await mailbox.WaitForMessageAsync(LoopbackServers.Patience)).Secure);
    }

    [Fact]
    public async Task OneRecipientRefused_TheOtherServed_Returns12014()
    {
        await using var mailbox = await LoopbackServers.StartAsync(configure: o => o.RejectedRecipients.Add("nobody@wkrp.com"));
        IT_SetPort(2, mailbox.Port);
        SMTP_New(out var id);
        SMTP_Host(id, mailbox.Host);
        SMTP_From(id, "herb_tarlick@wkrp.com");
        SMTP_To(id, "nobody@wkrp.com, bigguy@wkrp.com");

        var error = SMTP_Send(id, 2);
        SMTP_Clear(ref id);

        Assert.Equal(ErrorCodes.PartiallyDelivered, error);
        Assert.Equal(new[] { "bigguy@wkrp.com" }, (await mailbox.WaitForMessageAsync(LoopbackServers.Patience)).Recipients);
    }

    [Fact]
    public async Task HostRemoved_Gives10005()
    {
        await using var mailbox = await LoopbackServers.StartAsync();
        IT_SetPort(2, mailbox.Port);
        SMTP_New(out var id);
        SMTP_Host(id, mailbox.Host);
        SMTP_From(id, "herb_tarlick@wkrp.com");
        SMTP_To(id, "bigguy@wkrp.com");
        Assert.Equal(0, SMTP_Host(id, "", 1));

        Assert.Equal(ErrorCodes.NoHost, SMTP_Send(id));
        SMTP_Clear(ref id);
        Assert.Empty(mailbox.Sessions);
    }

    [Fact]
    public async Task QuickSendMode8_ToAServerWithout8BitMimeOrSmtpUtf8_SendsSevenBitOnly_AndTheTextSurvives()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { OfferStartTls = false, Offer8BitMime = false, OfferSmtpUtf8 = false });
        var raw = "From: Herb Tarlick <herb_tarlick@wkrp.com>\r\nTo: Les Nessman <les@wkrp.com>\r\nSubject: Café prices, déjà vu\r\nMIME-Version: 1.0\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\nLes prix du café: 3 €\r\n";

        Assert.Equal(0, SMTP_QuickSend(server.Host, "herb_tarlick@wkrp.com", "les@wkrp.com", "ignored", raw, 8, server.Port));

        var data = Assert.Single(server.Received).Data;
        Assert.All(data, c => Assert.True(c < 128, $"an 8-bit character went to a server without 8BITMIME or SMTPUTF8: '{c}'"));
        var parsed = MimeKit.MimeMessage.Load(new System.IO.MemoryStream(Encoding.ASCII.GetBytes(data)));
        Assert.Equal("Café prices, déjà vu", parsed.Subject);
        Assert.Equal("Les prix du café: 3 €", parsed.TextBody?.TrimEnd());
        Assert.Equal("Les Nessman", parsed.To.Mailboxes.Single().Name);
    }

    [Fact]
    public async Task AFacadeSend_RunsOnTheCallersThread_NeedingNoThreadPoolThread()
    {
        await using var mailbox = await LoopbackServers.StartAsync();
        var threads = new System.Collections.Concurrent.ConcurrentBag<int>();
        IT_SetLogger(new ThreadRecordingLogger(threads));
        try
        {
            var (caller, code) = (0, -1);
            var thread = new System.Threading.Thread(() =>
            {
                caller = Environment.CurrentManagedThreadId;
                code = SMTP_QuickSend(mailbox.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com", "Threads", "One thread, start to end.", 2, mailbox.Port);
            });
            thread.Start();
            Assert.True(thread.Join(LoopbackServers.Patience), "SMTP_QuickSend did not return");

            Assert.Equal(0, code);
            Assert.True(threads.Count >= 3, $"only {threads.Count} log lines: the test proves nothing");
            Assert.All(threads, t => Assert.Equal(caller, t));
        }
        finally
        {
            IT_SetLogger(null);
        }
    }

    [Fact]
    public async Task QuickSend_PlainHtmlAndRawMime()
    {
        await using var mailbox = await LoopbackServers.StartAsync();

        Assert.Equal(0, SMTP_QuickSend(mailbox.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com, bailey@wkrp.com", "Plain", "Plain body", 0, mailbox.Port));
        Assert.Equal(0, SMTP_QuickSend(mailbox.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com", "Html", "<p>HTML body</p>", 4, mailbox.Port));
        var raw = "From: Herb <herb_tarlick@wkrp.com>\r\nTo: andy@wkrp.com\r\nSubject: Raw\r\nMIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nRaw body\r\n";
        Assert.Equal(0, SMTP_QuickSend(mailbox.Host, "herb_tarlick@wkrp.com", "johnny@wkrp.com", "ignored", raw, 8, mailbox.Port));

        var received = await mailbox.WaitForMessagesAsync(3, LoopbackServers.Patience);
        Assert.Equal(new[] { "andy@wkrp.com", "bailey@wkrp.com" }, received[0].Recipients);
        Assert.Equal("Plain body", received[0].Message.TextBody!.TrimEnd());
        Assert.Equal("<p>HTML body</p>", received[1].Message.HtmlBody!.TrimEnd());
        Assert.Equal(new[] { "johnny@wkrp.com" }, received[2].Recipients);
        Assert.Equal("Raw", received[2].Message.Subject);
        Assert.Contains("Raw body", Encoding.ASCII.GetString(received[2].RawMime));
    }

    [Fact]
    public async Task QuickSend_WithCredentials_AndTheGlobalPort()
    {
        await using var mailbox = await LoopbackServers.StartAsync(withUser: true);
        IT_SetPort(2, mailbox.Port);

        var error = SMTP_QuickSend(mailbox.Host, "herb_tarlick@wkrp.com", "andy@wkrp.com", "Auth", "Body", 2, 0, LoopbackServers.User, LoopbackServers.Password);

        Assert.Equal(0, error);
        Assert.Equal(LoopbackServers.User, (await mailbox.WaitForMessageAsync(LoopbackServers.Patience)).AuthenticatedUser);
        Assert.Equal(ErrorCodes.InvalidArgument, SMTP_QuickSend(mailbox.Host, "a@wkrp.com", "b@wkrp.com", "s", "b", 3));
        Assert.Equal(ErrorCodes.NoHost, SMTP_QuickSend("", "a@wkrp.com", "b@wkrp.com", "s", "b"));
    }

    [Fact]
    public async Task ForcedCramMd5_AgainstTheMailbox_Gives12003_AndWrongPassword535()
    {
        await using var mailbox = await LoopbackServers.StartAsync(withUser: true);
        IT_SetPort(2, mailbox.Port);
        SMTP_New(out var id);
        SMTP_Host(id, mailbox.Host);
        SMTP_From(id, "herb_tarlick@wkrp.com");
        SMTP_To(id, "bigguy@wkrp.com");

        SMTP_Auth(id, LoopbackServers.User, LoopbackServers.Password, 3);
        Assert.Equal(ErrorCodes.AuthMechanismNotOffered, SMTP_Send(id, 2));
        SMTP_Auth(id, LoopbackServers.User, "wrong", 1);
        Assert.Equal(535, SMTP_Send(id, 2));
        SMTP_Clear(ref id);

        Assert.Empty(mailbox.Messages);
    }

    private sealed class ThreadRecordingLogger(System.Collections.Concurrent.ConcurrentBag<int> threads) : Microsoft.Extensions.Logging.ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

        public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => threads.Add(Environment.CurrentManagedThreadId);
    }
}
