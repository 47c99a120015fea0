using System.Collections.Generic;
using MailKit.Net.Smtp;
using MimeKit;

namespace TypedMail;

/// <summary>
/// MailKit's client, told not to abort at the first refused RCPT TO: every answer is collected so the others still
/// get the message; with no recipient accepted no DATA is sent.
/// </summary>
internal sealed class SessionSmtpClient : SmtpClient
{
    private readonly List<RecipientOutcome> _outcomes = new();

    public IReadOnlyList<RecipientOutcome> Outcomes => _outcomes;

    public void ClearOutcomes() => _outcomes.Clear();

    protected override void OnRecipientAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _outcomes.Add(new RecipientOutcome(mailbox.Address, true, (int)response.StatusCode, response.Response));
        base.OnRecipientAccepted(message, mailbox, response);
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        // Collected instead of MailKit's default throw.
        _outcomes.Add(new RecipientOutcome(mailbox.Address, false, (int)response.StatusCode, response.Response));
    }

    protected override void OnNoRecipientsAccepted(MimeMessage message)
    {
        // MailKit 4 resets the transaction on an SmtpCommandException and keeps the connection for the next message.
        throw new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "No recipients were accepted.");
    }
}
