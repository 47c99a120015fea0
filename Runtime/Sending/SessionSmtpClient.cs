using System.Collections.Generic;
using MailKit.Net.Smtp;
using MimeKit;

namespace TypedMail;

/// <summary>
/// MailKit's client, told not to abort at the first refused RCPT TO: every answer is collected so the others still
/// get the message; with no recipient accepted no DATA is sent. It also keeps the first refusal of the transaction
/// (MAIL FROM's, which MailKit would otherwise let the pipelined RCPT answers hide) and watches the wire through
/// <see cref="Tracker"/>.
/// </summary>
internal sealed class SessionSmtpClient : SmtpClient
{
    private readonly List<RecipientOutcome> _outcomes = new();

    public SessionSmtpClient(TransactionTracker tracker)
        : base(tracker)
    {
        Tracker = tracker;
    }

    public TransactionTracker Tracker { get; }

    public IReadOnlyList<RecipientOutcome> Outcomes => _outcomes;

    /// <summary>MAIL FROM's refusal in the current transaction, if any.</summary>
    public SmtpResponse? SenderRefusal { get; private set; }

    /// <summary>Whether the current transaction stopped because every recipient was refused.</summary>
    public bool NoRecipientAccepted { get; private set; }

    /// <summary>Starts a new transaction.</summary>
    public void BeginTransaction()
    {
        _outcomes.Clear();
        SenderRefusal = null;
        NoRecipientAccepted = false;
        Tracker.Reset();
    }

    protected override void OnSenderNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        SenderRefusal ??= response;
        base.OnSenderNotAccepted(message, mailbox, response);
    }

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
        NoRecipientAccepted = true;
        throw new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.TransactionFailed, "No recipients were accepted.");
    }
}
