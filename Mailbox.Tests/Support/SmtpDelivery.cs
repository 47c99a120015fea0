using System.Collections.Generic;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace TypedMail.Mailbox.Tests.Support;

/// <summary>Sends with MailKit to a mailbox, over STARTTLS with AUTH PLAIN when a user is given, plus Bcc-only recipients.</summary>
internal static class SmtpDelivery
{
    public const string User = "herb";
    public const string Password = "drive-time";
    public const string BccOnly = "les.nessman@wkrp.com";

    public static async Task SendAsync(MailboxServer server, IEnumerable<MimeMessage> messages, bool authenticate = true)
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == server.Certificate.GetCertHashString();
        var security = server.Security switch
        {
            MailboxSecurity.ImplicitTls => SecureSocketOptions.SslOnConnect,
            MailboxSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        await client.ConnectAsync(server.Host, server.Port, security);
        if (authenticate)
        {
            client.AuthenticationMechanisms.Clear();
            client.AuthenticationMechanisms.Add("PLAIN");
            await client.AuthenticateAsync(User, Password);
        }

        foreach (var message in messages)
        {
            var recipients = new List<MailboxAddress>(message.To.Mailboxes) { new(string.Empty, BccOnly) };
            await client.SendAsync(message, MailboxAddress.Parse("herb_tarlick@wkrp.com"), recipients);
        }

        await client.DisconnectAsync(quit: true);
    }

    public static MailboxOptions StartTlsWithUser()
    {
        var options = new MailboxOptions { Security = MailboxSecurity.StartTls };
        options.Users[User] = Password;
        return options;
    }
}
