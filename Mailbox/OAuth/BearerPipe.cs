using System.IO.Pipelines;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.IO;

namespace TypedMail.Mailbox.OAuth;

/// <summary>A session's pipe whose input understands bearer AUTH lines; everything else is the engine's own pipe.</summary>
internal sealed class BearerPipe : ISecurableDuplexPipe
{
    private readonly ISecurableDuplexPipe _pipe;

    public BearerPipe(ISecurableDuplexPipe pipe, ISessionContext context)
    {
        _pipe = pipe;
        Input = new BearerLineReader(() => _pipe.Input, context);
    }

    public PipeReader Input { get; }

    public PipeWriter Output => _pipe.Output;

    public bool IsSecure => _pipe.IsSecure;

    public SslProtocols SslProtocol => _pipe.SslProtocol;

    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        _pipe.UpgradeAsync(certificate, protocols, cancellationToken);

    public void Dispose() => _pipe.Dispose();
}
