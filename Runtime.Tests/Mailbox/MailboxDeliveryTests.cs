using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using MailKit.Security;
using MimeKit;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Mailbox;

public sealed class MailboxDeliveryTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PlainDelivery_KeepsEnvelopeRawMimeAndParsedMessage()
    {
        await using var mailbox = await MailboxServer.StartAsync();
        var letter = Letters.Make("Discounts on Ad Space!", "herb_tarlick@wkrp.com", "bigguy@wkrp.com");
        letter.Cc.Add(MailboxAddress.Parse("andy@wkrp.com"));
        letter.Bcc.Add(MailboxAddress.Parse("jennifer@wkrp.com"));

        using (var client = MailboxClient.For(mailbox))
        {
            await client.ConnectAsync(SecureSocketOptions.None);
            await client.SendAsync(letter);
            await client.DisconnectAsync(quit: true);
        }

        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.Equal("herb_tarlick@wkrp.com", received.MailFrom);
        Assert.Equal(["bigguy@wkrp.com", "andy@wkrp.com", "jennifer@wkrp.com"], received.Recipients);
        Assert.Contains("Subject: Discounts on Ad Space!", Encoding.ASCII.GetString(received.RawMime));
        Assert.Equal("Discounts on Ad Space!", received.Message.Subject);
        Assert.Equal("Body of Discounts on Ad Space!", received.Message.TextBody?.TrimEnd());
        Assert.Empty(received.Message.Bcc);
        Assert.False(received.Secure);
        Assert.False(received.StartTlsIssued);
        Assert.Null(received.AuthenticatedUser);
        Assert.Null(received.EmlPath);
        Assert.Equal(["EHLO", "MAIL", "RCPT", "RCPT", "RCPT", "DATA"], received.Session.Commands.Take(6));
    }

    [Fact]
    public async Task RejectedRecipient_Gets550_WhileTheOtherRecipientIsDelivered()
    {
        var options = new MailboxOptions();
        options.RejectedRecipients.Add("nobody@wkrp.com");
        await using var mailbox = await MailboxServer.StartAsync(options);

        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.None);
        await client.SendAsync(Letters.Make("Partial", "herb_tarlick@wkrp.com", "nobody@wkrp.com", "bigguy@wkrp.com"));

        var refused = Assert.Single(client.Refused);
        Assert.Equal("nobody@wkrp.com", refused.Address);
        Assert.Equal(550, refused.Status);
        Assert.StartsWith("5.1.1", refused.Text);
        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.Equal(["bigguy@wkrp.com"], received.Recipients);
        Assert.Equal(["nobody@wkrp.com"], received.Session.RejectedRecipients);
    }

    [Fact]
    public async Task EmlDirectory_GetsEachMessageAsAFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "typedmail-mailbox-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { EmlDirectory = directory });
            using var client = MailboxClient.For(mailbox);
            await client.ConnectAsync(SecureSocketOptions.None);
            await client.SendAsync(Letters.Make("First", "a@wkrp.com", "b@wkrp.com"));
            await client.SendAsync(Letters.Make("Second", "a@wkrp.com", "b@wkrp.com"));

            var received = await mailbox.WaitForMessagesAsync(2, Patience);
            Assert.Equal(2, Directory.GetFiles(directory, "*.eml").Length);
            foreach (var message in received)
            {
                Assert.NotNull(message.EmlPath);
                Assert.Equal(directory, Path.GetDirectoryName(message.EmlPath));
                Assert.Equal(message.RawMime, await File.ReadAllBytesAsync(message.EmlPath));
            }
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    [Fact]
    public async Task TwoServersInParallel_EachOnItsOwnPortKeepsItsOwnMessages()
    {
        await using var first = await MailboxServer.StartAsync();
        await using var second = await MailboxServer.StartAsync();
        Assert.NotEqual(first.Port, second.Port);

        await Task.WhenAll(SendAsync(first, "To the first"), SendAsync(second, "To the second"));

        Assert.Equal("To the first", Assert.Single(await first.WaitForMessagesAsync(1, Patience)).Message.Subject);
        Assert.Equal("To the second", Assert.Single(await second.WaitForMessagesAsync(1, Patience)).Message.Subject);

        static async Task SendAsync(MailboxServer mailbox, string subject)
        {
            using var client = MailboxClient.For(mailbox);
            await client.ConnectAsync(SecureSocketOptions.None);
            await client.SendAsync(Letters.Make(subject, "a@wkrp.com", "b@wkrp.com"));
            await client.DisconnectAsync(quit: true);
        }
    }

    [Fact]
    public async Task StopAsync_EndsOpenSessions_AndNothingListensAfterwards()
    {
        var mailbox = await MailboxServer.StartAsync();
        var port = mailbox.Port;
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.None);

        await mailbox.StopAsync();

        Assert.True(Assert.Single(mailbox.Sessions).Completed);
        await Assert.ThrowsAnyAsync<Exception>(() => client.NoOpAsync());
        using var probe = new TcpClient();
        var refused = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        await mailbox.DisposeAsync();
    }

    [Fact]
    public Task GivenPort_IsUsed_AndAPortInUseFailsTheStart() => PortRetry.WhenTakenAsync(async () =>
    {
        await using var first = await MailboxServer.StartAsync();

        var inUse = await Assert.ThrowsAsync<SocketException>(() => MailboxServer.StartAsync(new MailboxOptions { Port = first.Port }));
        Assert.Equal(SocketError.AddressAlreadyInUse, inUse.SocketErrorCode);

        var port = first.Port;
        await first.StopAsync();
        await using var again = await MailboxServer.StartAsync(new MailboxOptions { Port = port });
        Assert.Equal(port, again.Port);
    });

    [Fact]
    public async Task WaitForMessages_TimesOutNamingTheCounts()
    {
        await using var mailbox = await MailboxServer.StartAsync();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(
            () => mailbox.WaitForMessagesAsync(2, TimeSpan.FromMilliseconds(100)));

        Assert.Contains("Expected 2 message(s)", timeout.Message);
        Assert.Contains("received 0", timeout.Message);
    }

    [Fact]
    public async Task Clear_ForgetsWhatWasReceived()
    {
        await using var mailbox = await MailboxServer.StartAsync();
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.None);
        await client.SendAsync(Letters.Make("Old", "a@wkrp.com", "b@wkrp.com"));
        await mailbox.WaitForMessageAsync(Patience);

        mailbox.Clear();
        await client.SendAsync(Letters.Make("New", "a@wkrp.com", "b@wkrp.com"));

        Assert.Equal("New", (await mailbox.WaitForMessageAsync(Patience)).Message.Subject);
        Assert.Single(mailbox.Messages);
    }

    [Fact]
    public async Task NullReversePath_IsKeptAsAnEmptyMailFrom()
    {
        await using var mailbox = await MailboxServer.StartAsync();
        using var smtp = await SmtpConversation.OpenAsync(mailbox.Port);
        Assert.Equal(220, (await smtp.ReadReplyAsync()).Code);

        Assert.Equal(250, (await smtp.SayAsync("EHLO client.test")).Code);
        Assert.Equal(250, (await smtp.SayAsync("MAIL FROM:<>")).Code);
        Assert.Equal(250, (await smtp.SayAsync("RCPT TO:<bigguy@wkrp.com>")).Code);
        Assert.Equal(354, (await smtp.SayAsync("DATA")).Code);
        Assert.Equal(250, (await smtp.SayAsync("Subject: Bounce\r\n\r\nNo sender.\r\n.")).Code);

        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.Equal(string.Empty, received.MailFrom);
        Assert.Equal("Bounce", received.Message.Subject);
        Assert.Equal("Subject: Bounce\r\n\r\nNo sender.\r\n", Encoding.ASCII.GetString(received.RawMime));
    }

    [Fact]
    public async Task MaxMessageSize_IsAdvertised()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { MaxMessageSize = 4096 });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.None);

        Assert.True(client.Capabilities.HasFlag(MailKit.Net.Smtp.SmtpCapabilities.Size));
        Assert.Equal(4096u, client.MaxSize);
    }
}
