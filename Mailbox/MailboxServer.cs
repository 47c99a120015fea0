using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using TypedMail.Mailbox.Hosting;
using TypedMail.Mailbox.Protocol;

namespace TypedMail.Mailbox;

/// <summary>
/// A real SMTP server on 127.0.0.1 that keeps every message it receives, for tests and samples.
/// Plain, STARTTLS or implicit TLS; AUTH PLAIN and LOGIN, and OAuth2 bearer tokens (XOAUTH2, OAUTHBEARER);
/// chosen recipients refused; .eml files on request.
/// </summary>
/// <example>
/// <code>
/// var options = new MailboxOptions { Security = MailboxSecurity.StartTls };
/// options.Users["alice"] = "secret";
/// await using var mailbox = await MailboxServer.StartAsync(options);
/// // send to mailbox.Host:mailbox.Port, trusting mailbox.Certificate
/// var received = await mailbox.WaitForMessageAsync(TimeSpan.FromSeconds(10));
/// </code>
/// </example>
public sealed class MailboxServer : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Inbox _inbox;
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _engine;
    private readonly LoopbackListenerFactory _listener;
    private readonly object _stateGate = new();
    private readonly bool _offersAuthentication;
    private Task? _running;
    private Task? _stopping;

    private MailboxServer(MailboxOptions options)
    {
        Security = options.Security;
        _listener = new LoopbackListenerFactory { AcceptsBearerTokens = options.AccessTokens.Count > 0 };
        Certificate = options.Certificate ?? SelfSignedCertificate.ForLoopback;
        _inbox = new Inbox(options.EmlDirectory);
        _inbox.Received += message => MessageReceived?.Invoke(this, message);

        var endpoint = new EndpointDefinitionBuilder()
            .Endpoint(new IPEndPoint(IPAddress.Loopback, options.Port))
            .IsSecure(options.Security == MailboxSecurity.ImplicitTls)
            // Plain mode has no TLS to wait for, so AUTH is offered in clear there.
            .AllowUnsecureAuthentication(options.Security == MailboxSecurity.None || options.AllowUnsecureAuthentication)
            .AuthenticationRequired(options.RequireAuthentication);
        if (options.Security != MailboxSecurity.None)
        {
            endpoint.Certificate(Certificate);
        }

        var builder = new SmtpServerOptionsBuilder()
            .ServerName(options.ServerName)
            .Endpoint(endpoint.Build())
            // Each refused recipient counts as a retry in SmtpServer: allow many per session.
            .MaxRetryCount(1000)
            .MaxAuthenticationAttempts(1000);
        if (options.MaxMessageSize is long size)
        {
            builder.MaxMessageSize((int)Math.Min(size, int.MaxValue), MaxMessageSizeHandling.Strict);
        }

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_listener);
        services.Add(new InboxStore(_inbox));
        services.Add(new RecipientFilter(new HashSet<string>(options.RejectedRecipients, StringComparer.OrdinalIgnoreCase)));
        _offersAuthentication = options.Users.Count > 0 || options.AccessTokens.Count > 0;
        var users = new UserDirectory(new Dictionary<string, string>(options.Users, StringComparer.Ordinal));
        if (options.AccessTokens.Count > 0)
        {
            services.Add(new OAuth.AccountDirectory(users, new Dictionary<string, string>(options.AccessTokens, StringComparer.Ordinal)));
            services.Add(new OAuth.BearerCommandFactory());
        }
        else
        {
            services.Add(users);
        }

        _engine = new SmtpServer.SmtpServer(builder.Build(), new EngineServices(services, _offersAuthentication));
        _engine.SessionCreated += OnSessionCreated;
        _engine.SessionCompleted += OnSessionEnded;
        _engine.SessionFaulted += OnSessionEnded;
        _engine.SessionCancelled += OnSessionEnded;
    }

    /// <summary>The address the server listens on: always "127.0.0.1".</summary>
    public string Host => "127.0.0.1";

    /// <summary>The port the server listens on (the free one it took when <see cref="MailboxOptions.Port"/> was 0).</summary>
    public int Port { get; private set; }

    /// <summary>Plain, STARTTLS or implicit TLS.</summary>
    public MailboxSecurity Security { get; }

    /// <summary>The certificate in use for TLS, for clients to trust explicitly.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Raised once for each message accepted, after it is in <see cref="Messages"/>, on the session's thread.</summary>
    public event EventHandler<ReceivedMessage>? MessageReceived;

    /// <summary>A snapshot of the messages received so far, in arrival order.</summary>
    public IReadOnlyList<ReceivedMessage> Messages => _inbox.Messages;

    /// <summary>A snapshot of the sessions seen so far, with what happened on the wire in each.</summary>
    public IReadOnlyList<MailboxSession> Sessions => _inbox.Sessions;

    /// <summary>Starts a mailbox on 127.0.0.1 and returns once it listens.</summary>
    /// <param name="options">How to listen, secure, authenticate and store; null for a plain server on a free port.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The listening server; dispose it to stop it.</returns>
    public static async Task<MailboxServer> StartAsync(MailboxOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new MailboxOptions();
        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Port, "The port must be between 0 and 65535.");
        }

        if (!Enum.IsDefined(options.Security))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Security, "Unknown mailbox security.");
        }

        var server = new MailboxServer(options);
        try
        {
            await server.ListenAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Waits until at least one message has arrived and returns the first.</summary>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first message received.</returns>
    public async Task<ReceivedMessage> WaitForMessageAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        (await WaitForMessagesAsync(1, timeout, cancellationToken).ConfigureAwait(false))[0];

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    /// <param name="count">How many messages to wait for.</param>
    /// <param name="timeout">How long to wait before a <see cref="TimeoutException"/> naming the expected and received counts.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A snapshot of all messages received (at least <paramref name="count"/>).</returns>
    public Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _inbox.WaitForAsync(count, timeout, cancellationToken);

    /// <summary>Forgets the messages and sessions received so far.</summary>
    public void Clear() => _inbox.Clear();

    /// <summary>Forgets one message received so far (its .eml file, if any, is closed but not deleted).</summary>
    /// <param name="message">A message from <see cref="Messages"/>.</param>
    /// <returns>True when it was removed; false when it was not (or no longer) in <see cref="Messages"/>.</returns>
    public bool Remove(ReceivedMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _inbox.Remove(message);
    }

    /// <summary>Stops listening and ends every open session; safe to call more than once.</summary>
    /// <returns>A task that completes when the listener and all sessions have ended.</returns>
    public Task StopAsync()
    {
        lock (_stateGate)
        {
            return _stopping ??= StopOnceAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        _running = _engine.StartAsync(_stop.Token);
        var first = await Task.WhenAny(_listener.Listening, _running)
            .WaitAsync(StartTimeout, cancellationToken)
            .ConfigureAwait(false);
        if (first == _running && !_listener.Listening.IsCompletedSuccessfully)
        {
            // The engine ended before listening: surface its reason (a port in use, typically).
            await _running.ConfigureAwait(false);
            throw new InvalidOperationException("The SMTP server stopped before it listened.");
        }

        Port = await _listener.Listening.ConfigureAwait(false);
    }

    private async Task StopOnceAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_running is not null)
        {
            try
            {
                await _running.WaitAsync(StopTimeout).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not TimeoutException)
            {
                // Cancellation is the stop we asked for; a failed start was already reported by StartAsync.
            }
        }

        _engine.SessionCreated -= OnSessionCreated;
        _inbox.ReleaseStorage();
        _stop.Dispose();
    }

    private void OnSessionCreated(object? sender, SessionEventArgs e)
    {
        var session = _inbox.OpenSession();
        SessionFacts.Attach(e.Context, session);
        e.Context.CommandExecuting += (_, command) =>
        {
            var mechanism = command.Command is AuthCommand auth
                ? e.Context.Properties.TryGetValue(OAuth.BearerAuthLine.MechanismKey, out var bearer) ? (string)bearer : auth.Method.ToString().ToUpperInvariant()
                : null;
            session.RecordCommand(command.Command.Name, e.Context.Pipe?.IsSecure ?? false, mechanism);
            if (mechanism is not null && !_offersAuthentication)
            {
                // Without users SmtpServer would fall back to its accept-anybody authenticator.
                throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.CommandNotImplemented, "5.5.1 AUTH is not offered"));
            }
        };
    }

    private void OnSessionEnded(object? sender, SessionEventArgs e) => SessionFacts.Of(e.Context)?.RecordCompleted();
}
