using MimeKit;
using MimeKit.Utils;

namespace TypedMail;

/// <summary>
/// The one place where the final <see cref="MimeMessage"/> is prepared just before it goes on the wire, once per send
/// (a resend after a lost connection reuses it unchanged). Today it makes sure the message has a Message-ID, which a
/// result with 12013 (outcome unknown) reports; signing (DKIM) belongs here too.
/// </summary>
internal static class MessagePreparation
{
    public static void Prepare(MimeMessage message, SmtpSettings settings)
    {
        if (string.IsNullOrEmpty(message.MessageId))
        {
            message.MessageId = string.IsNullOrEmpty(settings.LocalDomain) ? MimeUtils.GenerateMessageId() : MimeUtils.GenerateMessageId(settings.LocalDomain!);
        }
    }
}
