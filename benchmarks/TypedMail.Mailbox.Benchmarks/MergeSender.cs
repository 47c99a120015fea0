using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace TypedMail.Mailbox.Benchmarks;

/// <summary>Sends N small merge messages (one recipient each, about 600 bytes) over one STARTTLS connection, as a mail merge does.</summary>
internal static class MergeSender
{
    public static async Task SendAsync(MailboxServer server, int count)
    {
        using var client = new SmtpClient();
        client.ServerCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == server.Certificate.GetCertHashString();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.StartTls);
        for (var i = 1; i <= count; i++)
        {
            await client.SendAsync(Message(i));
        }

        await client.DisconnectAsync(quit: true);
    }

    public static MimeMessage Message(int number)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Herb Tarlick", "herb_tarlick@wkrp.com"));
        message.To.Add(new MailboxAddress($"Listener {number}", $"listener{number}@example.com"));
        message.Subject = $"Discount #{number} on ad space";
        message.Body = new TextPart("plain") { Text = $"Dear listener {number},\nhalf price on drive-time spots this week.\nHerb" };
        return message;
    }
}
