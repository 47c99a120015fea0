using System;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Signing;

/// <summary>
/// DKIM: mail signed by a sender arrives at the Mailbox and verifies there with MimeKit's verifier and with dkimpy;
/// a header or body changed in transit fails both.
/// </summary>
public sealed class DkimSigningTests
{
    [DebianToolFact(DkimReceiver.PythonProbe, DkimReceiver.PythonPackage)]
    public async Task RsaSignedMessage_VerifiesAtTheReceiver_WithMimeKitAndDkimpy()
    {
        var received = await SendAsync(DkimTestKey.Rsa, RichLetter());

        Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Rsa.DnsRecord), "MimeKit's DkimVerifier rejected the signature.");
        Assert.Equal("pass", await DkimReceiver.VerifyWithDkimpyAsync(received.RawMime, DkimTestKey.Rsa.DnsRecord));
        var signature = Tags(received.Message);
        Assert.Equal("rsa-sha256", signature["a"]);
        Assert.Equal("relaxed/relaxed", signature["c"]);
        Assert.Equal(DkimReceiver.Domain, signature["d"]);
        Assert.Equal(DkimReceiver.Selector, signature["s"]);
    }

    [DebianToolFact(DkimReceiver.PythonProbe, DkimReceiver.PythonPackage)]
    public async Task Ed25519SignedMessage_VerifiesWithMimeKitAndDkimpy()
    {
        var received = await SendAsync(DkimTestKey.Ed25519, RichLetter());

        Assert.Equal("ed25519-sha256", Tags(received.Message)["a"]);
        Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Ed25519.DnsRecord), "MimeKit's DkimVerifier rejected the Ed25519 signature.");
        Assert.Equal("pass", await DkimReceiver.VerifyWithDkimpyAsync(received.RawMime, DkimTestKey.Ed25519.DnsRecord));
    }

    [DebianToolFact(DkimReceiver.PythonProbe, DkimReceiver.PythonPackage)]
    public async Task SubjectChangedInTransit_FailsBothVerifiers()
    {
        var received = await SendAsync(DkimTestKey.Rsa, RichLetter());
        var wire = Encoding.ASCII.GetString(received.RawMime);
        var subject = wire.Split("\r\n").First(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        var tampered = Encoding.ASCII.GetBytes(wire.Replace(subject, "Subject: Turkeys away", StringComparison.Ordinal));

        Assert.False(DkimReceiver.VerifiesWithMimeKit(tampered, DkimTestKey.Rsa.DnsRecord), "MimeKit accepted a changed Subject.");
        Assert.Equal("fail", await DkimReceiver.VerifyWithDkimpyAsync(tampered, DkimTestKey.Rsa.DnsRecord));
    }

    [DebianToolFact(DkimReceiver.PythonProbe, DkimReceiver.PythonPackage)]
    public async Task BodyChangedInTransit_FailsBothVerifiers()
    {
        var received = await SendAsync(DkimTestKey.Rsa, RichLetter());
        var wire = Encoding.ASCII.GetString(received.RawMime);
        var tampered = Encoding.ASCII.GetBytes(wire.Replace("Thanksgiving", "Christmas", StringComparison.Ordinal));
        Assert.NotEqual(wire, Encoding.ASCII.GetString(tampered));

        Assert.False(DkimReceiver.VerifiesWithMimeKit(tampered, DkimTestKey.Rsa.DnsRecord), "MimeKit accepted a changed body.");
        Assert.Equal("fail", await DkimReceiver.VerifyWithDkimpyAsync(tampered, DkimTestKey.Rsa.DnsRecord));
    }

    [Fact]
    public async Task TheSignatureCoversTheDefaultHeaders_PresentOnes_AndNeverBcc()
    {
        var received = await SendAsync(DkimTestKey.Rsa, RichLetter());

        var signed = Tags(received.Message)["h"].Split(':').Select(h => h.ToLowerInvariant()).ToList();
        foreach (var header in new[] { "from", "to", "cc", "reply-to", "subject", "date", "message-id", "mime-version", "content-type" })
        {
            Assert.Contains(header, signed);
        }

        Assert.DoesNotContain("bcc", signed);
        Assert.DoesNotContain("list-unsubscribe", signed);
        Assert.Equal(0, received.Message.Headers.Count(h => h.Id == HeaderId.Bcc));
        Assert.Contains("fennel@wkrp.com", received.Recipients);
    }

    [Fact]
    public async Task OneClickUnsubscribeHeaders_AreSigned_WhenPresent()
    {
        using var message = RichLetter();
        message.AddHeader("List-Unsubscribe", "<https://wkrp.com/unsubscribe/8f3a>");
        message.AddHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");

        var received = await SendAsync(DkimTestKey.Rsa, message);

        var signed = Tags(received.Message)["h"].ToLowerInvariant().Split(':');
        Assert.Contains("list-unsubscribe", signed);
        Assert.Contains("list-unsubscribe-post", signed);
        Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Rsa.DnsRecord));
    }

    [Fact]
    public async Task AMimeMessageSentTwice_CarriesOneFreshSignature()
    {
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        settings.Dkim = DkimTestKey.Rsa.Settings();
        await using var sender = new SmtpSender(settings);
        var message = new MimeMessage();
        message.Headers.Remove(HeaderId.MessageId);
        message.From.Add(MailboxAddress.Parse("les@wkrp.com"));
        message.To.Add(MailboxAddress.Parse("venus@wkrp.com"));
        message.Subject = "Night shift";
        message.Body = new TextPart("plain") { Text = "Records in the booth." };

        Assert.True((await sender.SendAsync(message)).Succeeded);
        Assert.True((await sender.SendAsync(message)).Succeeded);

        var second = (await server.WaitForMessagesAsync(2, LoopbackServers.Patience))[1];
        Assert.Equal(1, second.Message.Headers.Count(h => h.Id == HeaderId.DkimSignature));
        Assert.False(string.IsNullOrEmpty(second.Message.MessageId));
        Assert.True(DkimReceiver.VerifiesWithMimeKit(second.RawMime, DkimTestKey.Rsa.DnsRecord));
    }

    [Fact]
    public async Task KeyFromAFile_Signs()
    {
        var path = Path.Combine(Path.GetTempPath(), "typedmail-dkim-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(path, DkimTestKey.Rsa.PrivateKeyPem);
        try
        {
            var settings = new DkimSettings { Domain = DkimReceiver.Domain, Selector = DkimReceiver.Selector, PrivateKeyFile = path };
            var received = await SendAsync(settings, RichLetter());

            Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Rsa.DnsRecord));
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static SmtpMessage RichLetter()
    {
        var message = new SmtpMessage();
        message.SetFrom("Arthur Carlson <big.guy@wkrp.com>");
        message.SetTo("Jennifer Marlowe <jennifer@wkrp.com>");
        message.SetCc("Bailey Quarters <bailey@wkrp.com>");
        message.SetBcc("fennel@wkrp.com");
        message.SetReplyTo("newsroom@wkrp.com");
        message.SetSubject("Thanksgiving promotion — débrief");
        message.SetBody("The Thanksgiving promotion:\rturkeys, a helicopter, and a lesson learned.\r\rArthur");
        message.SetBody("<p>The <b>Thanksgiving</b> promotion: turkeys, a helicopter, and a lesson learned.</p><p>Arthur — le patron</p>", BodyOption.Replace, html: true);
        message.AddAttachment("schedule.txt", Encoding.UTF8.GetBytes("06:00 Johnny\n10:00 Venus\n"), "text/plain", null);
        return message;
    }

    private static Task<ReceivedMessage> SendAsync(DkimTestKey key, SmtpMessage message) => SendAsync(key.Settings(), message);

    private static async Task<ReceivedMessage> SendAsync(DkimSettings dkim, SmtpMessage message)
    {
        using (message)
        {
            await using var server = await LoopbackServers.StartAsync();
            var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
            settings.Dkim = dkim;
            await using var sender = new SmtpSender(settings);
            var result = await sender.SendAsync(message);
            Assert.True(result.Succeeded, result.ToString());
            return await server.WaitForMessageAsync(LoopbackServers.Patience);
        }
    }

    private static System.Collections.Generic.Dictionary<string, string> Tags(MimeMessage message)
    {
        var value = message.Headers.First(h => h.Id == HeaderId.DkimSignature).Value;
        return value.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.Split('=', 2))
            .Where(t => t.Length == 2)
            .ToDictionary(t => t[0].Trim(), t => string.Concat(t[1].Where(c => !char.IsWhiteSpace(c))));
    }
}
