using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace TypedMail.Mailbox.Protocol;

/// <summary>Refuses the configured recipients with 550 5.1.1 and accepts every other address.</summary>
internal sealed class RecipientFilter : IMailboxFilter
{
    private readonly HashSet<string> _rejected;

    public RecipientFilter(HashSet<string> rejected) => _rejected = rejected;

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = SessionFacts.Address(to);
        if (!_rejected.Contains(address))
        {
            return Task.FromResult(true);
        }

        SessionFacts.Of(context)?.RecordRejectedRecipient(address);

        // Thrown rather than returned so the reply carries the enhanced status a client can report.
        throw new SmtpResponseException(
            new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 <{address}>: recipient rejected"));
    }
}
