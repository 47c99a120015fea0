using System;
using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;
using static TypedMail.InternetCommands;

namespace TypedMail.Runtime.Tests.Facade;

/// <summary>The seed's two 4D examples, written with the facade almost as in 4D, against the Mailbox.</summary>
[Collection(ProcessGlobalSettingsCollection.Name)]
public sealed class SeedExampleTests : IDisposable
{
    private static readonly (string Email, string Salutation)[] People =
    {
        ("andy@wkrp.com", "Andy"),
        ("bailey@wkrp.com", "Ms. Quarters"),
        ("johnny@wkrp.com", "Dr. Johnny Fever"),
        ("venus@wkrp.com", "Venus"),
    };

    public void Dispose()
    {
        IT_SetPort(SmtpProtocol, 0);
        IT_SetPort(SmtpSslProtocol, 0);
        IT_SetTimeOut(DefaultTimeoutSeconds);
        IT_SetTrustedCertificate(null);
    }

    [Fact]
    public async Task Example1_MailMerge_OneMessagePerPerson_EachToItsOwnRecipient_WithItsOwnSalutation()
    {
        await using var mailbox = await LoopbackServers.StartAsync();
        IT_SetPort(2, mailbox.Port);
        int error;

        error = SMTP_New(out var smtp_id);
        error += SMTP_Host(smtp_id, mailbox.Host);
        error += SMTP_From(smtp_id, "herb_tarlick@wkrp.com");
        error += SMTP_ReplyTo(smtp_id, "bigguy@wkrp.com");
        error += SMTP_Subject(smtp_id, "Discounts on Ad Space!");
        foreach (var person in People)
        {
            error += SMTP_To(smtp_id, person.Email, 1);
            var body = "Dear " + person.Salutation + "," + "\r" + "Our spring rates are half price.";
            error += SMTP_Body(smtp_id, body);
            error += SMTP_Send(smtp_id);
        }

        error += SMTP_Clear(ref smtp_id);

        Assert.Equal(0, error);
        Assert.Equal(0, smtp_id);
        var received = await mailbox.WaitForMessagesAsync(People.Length, LoopbackServers.Patience);
        Assert.Equal(People.Length, received.Count);
        foreach (var (message, person) in received.Zip(People))
        {
            Assert.Equal(new[] { person.Email }, message.Recipients);
            Assert.Equal(person.Email, message.Message.To.Mailboxes.Single().Address);
            Assert.StartsWith($"Dear {person.Salutation},\n", message.Message.TextBody!.Replace("\r\n", "\n"));
            Assert.Contains($"Dear {person.Salutation},\r\nOur spring", System.Text.Encoding.ASCII.GetString(message.RawMime));
            Assert.Equal("bigguy@wkrp.com", message.Message.ReplyTo.Mailboxes.Single().Address);
            Assert.Equal("Discounts on Ad Space!", message.Message.Subject);
        }
    }

    [Fact]
    public async Task Example2_StartTlsOnAPortOtherThan25_WithLogin_Mode0()
    {
        await using var mailbox = await LoopbackServers.StartAsync(MailboxSecurity.StartTls,
            configure: o => o.Users["user@example.com"] = "password");
        IT_SetTrustedCertificate(mailbox.Certificate);
        int error;

        error = IT_SetPort(2, mailbox.Port);
        error += SMTP_New(out var smtp_id);
        error += SMTP_Host(smtp_id, mailbox.Host);
        error += SMTP_From(smtp_id, "user@example.com");
        error += SMTP_To(smtp_id, "someone@example.com");
        error += SMTP_Subject(smtp_id, "STARTTLS test");
        error += SMTP_Body(smtp_id, "Sent with STARTTLS");
        error += SMTP_Auth(smtp_id, "user@example.com", "password", 2);
        error += SMTP_Send(smtp_id, 0);
        error += SMTP_Clear(ref smtp_id);

        Assert.Equal(0, error);
        var received = await mailbox.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.True(received.StartTlsIssued);
        Assert.True(received.Secure);
        Assert.Equal("LOGIN", received.Session.AuthMechanism);
        Assert.Equal("user@example.com", received.AuthenticatedUser);
        Assert.Equal("STARTTLS test", received.Message.Subject);
    }

    [Fact]
    public async Task Example2_WithoutTheTrustedCertificate_FailsTheHandshake_ValidationIsNeverOff()
    {
        await using var mailbox = await LoopbackServers.StartAsync(MailboxSecurity.StartTls,
            configure: o => o.Users["user@example.com"] = "password");
        IT_SetPort(2, mailbox.Port);
        SMTP_New(out var smtp_id);
        SMTP_Host(smtp_id, mailbox.Host);
        SMTP_From(smtp_id, "user@example.com");
        SMTP_To(smtp_id, "someone@example.com");
        SMTP_Auth(smtp_id, "user@example.com", "password", 2);

        var error = SMTP_Send(smtp_id, 0);
        SMTP_Clear(ref smtp_id);

        Assert.Equal(ErrorCodes.TlsHandshakeFailed, error);
        Assert.Empty(mailbox.Messages);
    }
}
