using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace TypedMail.Mailbox.OAuth;

/// <summary>The engine's listener, handing each session a <see cref="BearerPipe"/>.</summary>
internal sealed class BearerListener : IEndpointListener
{
    private readonly IEndpointListener _listener;

    public BearerListener(IEndpointListener listener) => _listener = listener;

    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken) =>
        new BearerPipe(await _listener.GetPipeAsync(context, cancellationToken).ConfigureAwait(false), context);

    public void Dispose() => _listener.Dispose();
}
