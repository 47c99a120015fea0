using System;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
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

    /// <summary>Whether sessions accept bearer AUTH lines (XOAUTH2, OAUTHBEARER): set when access tokens are configured.</summary>
    public bool AcceptsBearerTokens { get; init; }

    /// <summary>Completes with the bound port once the socket listens; faults when binding fails.</summary>
    public Task<int> Listening => _listening.Task;

    /// <inheritdoc />
    public override IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
    {
        try
        {
            var listener = base.CreateListener(endpointDefinition);
            DisableNagle(listener);
            return AcceptsBearerTokens ? new OAuth.BearerListener(listener) : listener;
        }
        catch (Exception exception)
        {
            _listening.TrySetException(exception);
            throw;
        }
    }

    // SmtpServer writes each reply of a pipelined batch (MAIL, RCPT, DATA) separately; with Nagle on, every batch waits
    // ~40 ms for the client's delayed ACK. SmtpServer exposes no socket option, so set TCP_NODELAY on its listening socket
    // (accepted sockets inherit it on Linux and Windows); if its private layout changes, only speed is lost.
    private static void DisableNagle(IEndpointListener listener)
    {
        var field = listener.GetType().GetField("_tcpListener", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(listener) is TcpListener tcpListener)
        {
            tcpListener.Server.NoDelay = true;
        }
    }

    /// <inheritdoc />
    protected override void OnEndpointStarted(EndpointEventArgs args)
    {
        base.OnEndpointStarted(args);
        _listening.TrySetResult(((IPEndPoint)args.LocalEndPoint).Port);
    }
}
