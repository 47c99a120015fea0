using System;
using System.Net;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Net;

namespace TypedMail.Mailbox.Hosting;

/// <summary>
/// SmtpServer's listener factory, reporting the port actually bound (so port 0 can be used)
/// and the moment the socket listens, or why it could not.
/// </summary>
internal sealed class LoopbackListenerFactory : EndpointListenerFactory
{
    private readonly TaskCompletionSource<int> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the bound port once the socket listens; faults when binding fails.</summary>
    public Task<int> Listening => _listening.Task;

    /// <inheritdoc />
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        try
        {
            return base.CreateListener(endpointDefinition);
        }
        catch (Exception exception)
        {
            _listening.TrySetException(exception);
            throw;
        }
    }

    /// <inheritdoc />
    protected override void OnEndpointStarted(EndpointEventArgs args)
    {
        base.OnEndpointStarted(args);
        _listening.TrySetResult(((IPEndPoint)args.LocalEndPoint).Port);
    }
}
