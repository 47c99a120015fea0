using SmtpServer;
using SmtpServer.Mail;

namespace TypedMail.Mailbox.Protocol;

/// <summary>Finds the <see cref="MailboxSession"/> recorded for an SmtpServer session, and formats envelope addresses.</summary>
internal static class SessionFacts
{
    private const string Key = "TypedMail.Mailbox.Session";

    public static void Attach(ISessionContext context, MailboxSession session) => context.Properties[Key] = session;

    public static MailboxSession? Of(ISessionContext context) =>
        context.Properties.TryGetValue(Key, out var value) ? value as MailboxSession : null;

    /// <summary>"user@host", or "" for the null reverse-path.</summary>
    public static string Address(IMailbox? mailbox)
    {
        if (mailbox is null || string.IsNullOrEmpty(mailbox.User))
        {
            return mailbox is null || string.IsNullOrEmpty(mailbox.Host) ? string.Empty : "@" + mailbox.Host;
        }

        return string.IsNullOrEmpty(mailbox.Host) ? mailbox.User : mailbox.User + "@" + mailbox.Host;
    }
}
