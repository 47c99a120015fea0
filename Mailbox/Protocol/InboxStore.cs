using System.Buffers;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Storage;
using SmtpResponse = SmtpServer.Protocol.SmtpResponse;

namespace TypedMail.Mailbox.Protocol;

/// <summary>Hands each message SmtpServer accepts to the <see cref="Inbox"/>, with its envelope and session facts.</summary>
internal sealed class InboxStore : IMessageStore
{
    private readonly Inbox _inbox;

    public InboxStore(Inbox inbox) => _inbox = inbox;

    public async Task<SmtpResponse> SaveAsync(
        ISessionContext context,
        IMessageTransaction transaction,
        ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        var session = SessionFacts.Of(context);
        var secure = context.Pipe.IsSecure;
        session?.RecordTlsProtocol(context.Pipe.SslProtocol);
        var user = context.Authentication.IsAuthenticated ? context.Authentication.User : null;
        var recipients = transaction.To.Select(SessionFacts.Address).ToArray();

        await _inbox.AcceptAsync(
            SessionFacts.Address(transaction.From),
            recipients,
            buffer,
            secure,
            user,
            session,
            cancellationToken).ConfigureAwait(false);

        return SmtpResponse.Ok;
    }
}
