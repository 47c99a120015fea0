using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support.Scripted;

/// <summary>
/// A small scripted SMTP server on loopback port 0 (TcpListener, SslStream for STARTTLS) for fault injection: faults
/// armed with <see cref="Arm"/> fire once, at the first place their stage is reached. It records every connection's
/// commands, every AUTH (and whether TLS was on), every QUIT and every message stored.
/// </summary>
internal sealed class ScriptedSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _lock = new();
    private readonly List<Fault> _armed = new();
    private readonly List<ScriptedMail> _received = new();
    private readonly List<ScriptedConnectionRecord> _connections = new();
    private readonly List<Task> _tasks = new();
    private readonly Task _acceptLoop;
    private int _transactions;
    private int _active;
    private int _mostActive;

    private ScriptedSmtpServer(ScriptedServerOptions options)
    {
        Options = options;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        if (options.ReceiveBufferBytes is { } receiveBuffer)
        {
            _listener.Server.ReceiveBufferSize = receiveBuffer;   // inherited by the accepted sockets
        }

        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync();
    }

    public ScriptedServerOptions Options { get; }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public static X509Certificate2 Certificate => TestCertificate.ForLoopback;

    /// <summary>Called at each MAIL FROM with the 1-based number of the transaction across all connections; may return a fault to arm.</summary>
    public Func<int, Fault?>? Plan { get; set; }

    public IReadOnlyList<ScriptedMail> Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public IReadOnlyList<ScriptedConnectionRecord> Connections
    {
        get
        {
            lock (_lock)
            {
                return _connections.ToArray();
            }
        }
    }

    /// <summary>The most connections in conversation at once (those turned away with 421 not counted).</summary>
    public int MostConcurrentConnections => Volatile.Read(ref _mostActive);

    /// <summary>How many connections were turned away with 421 because of <see cref="ScriptedServerOptions.MaxConcurrentConnections"/>.</summary>
    public int TurnedAway => Connections.Count(c => c.TurnedAway);

    /// <summary>Completes when <paramref name="condition"/> holds; fails after <see cref="LoopbackServers.Patience"/>, never hangs.</summary>
    public async Task WhenAsync(Func<ScriptedSmtpServer, bool> condition)
    {
        var patience = Stopwatch.StartNew();
        while (!condition(this))
        {
            if (patience.Elapsed > LoopbackServers.Patience)
            {
                throw new TimeoutException($"The scripted server did not reach the awaited state within {LoopbackServers.Patience}.");
            }

            await Task.Delay(5);
        }
    }

    public bool AnyCredentialsInClear => Connections.Any(c => c.Authentications.Any(a => !a.Secure));

    public int AuthenticationCount => Connections.Sum(c => c.Authentications.Count);

    public static ScriptedSmtpServer Start(ScriptedServerOptions? options = null) => new(options ?? new ScriptedServerOptions());

    /// <summary>Arms a fault: it fires once, at the first place its stage is reached.</summary>
    public void Arm(Fault fault)
    {
        lock (_lock)
        {
            _armed.Add(fault);
        }
    }

    /// <summary>Settings that reach this server, trusting its certificate.</summary>
    public SmtpSettings Settings(SessionMode mode, bool withCredentials = false, int timeoutSeconds = 15) => new()
    {
        Host = Host,
        Port = Port,
        Mode = mode,
        UserName = withCredentials ? Options.User : null,
        Password = withCredentials ? Options.Password : null,
        TimeoutSeconds = timeoutSeconds,
        AcceptedServerCertificate = Certificate,
    };

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        Task[] tasks;
        lock (_lock)
        {
            tasks = _tasks.Append(_acceptLoop).ToArray();
        }

        try
        {
            await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Connections end with the listener; their exceptions do not matter any more.
        }

        _stop.Dispose();
    }

    internal bool TryTake(FaultStage stage, out Fault fault)
    {
        lock (_lock)
        {
            var index = _armed.FindIndex(f => f.Stage == stage);
            if (index < 0)
            {
                fault = null!;
                return false;
            }

            fault = _armed[index];
            _armed.RemoveAt(index);
            return true;
        }
    }

    /// <summary>Counts a MAIL FROM; returns a fault the plan arms for it, if any.</summary>
    internal Fault? BeginTransaction()
    {
        var number = Interlocked.Increment(ref _transactions);
        var planned = Plan?.Invoke(number);
        if (planned is not null)
        {
            Arm(planned);
        }

        return planned;
    }

    /// <summary>Admits a connection unless too many are open; <see cref="Leave"/> when it ends.</summary>
    internal bool TryEnter()
    {
        var active = Interlocked.Increment(ref _active);
        if (Options.MaxConcurrentConnections > 0 && active > Options.MaxConcurrentConnections)
        {
            Interlocked.Decrement(ref _active);
            return false;
        }

        int most;
        while (active > (most = Volatile.Read(ref _mostActive)) && Interlocked.CompareExchange(ref _mostActive, active, most) != most)
        {
        }

        return true;
    }

    internal void Leave() => Interlocked.Decrement(ref _active);

    internal void Store(ScriptedMail mail)
    {
        lock (_lock)
        {
            _received.Add(mail);
        }
    }

    private async Task AcceptAsync()
    {
        var number = 0;
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            var record = new ScriptedConnectionRecord(++number);
            var connection = new ScriptedConnection(this, client, record, _stop.Token);
            lock (_lock)
            {
                _connections.Add(record);
                _tasks.Add(connection.RunAsync());
            }
        }
    }
}
