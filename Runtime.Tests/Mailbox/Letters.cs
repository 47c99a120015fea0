using MimeKit;

namespace TypedMail.Runtime.Tests.Mailbox;

/// <summary>Small messages to send to a mailbox.</summary>
internal static class Letters
{
    public static MimeMessage Make(string subject, string from, params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var address in to)
        {
            message.To.Add(MailboxAddress.Parse(address));
        }

        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "Body of " + subject };
        return message;
    }
}
