using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging.Abstractions;
using TypedMail.Mailbox;

namespace TypedMail.Outbox.Tests;

/// <summary>A SQLite outbox in a temporary file, a worker that sends to a loopback Mailbox, and a clock the test moves.</summary>
internal sealed class OutboxFixture : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("typedmail-outbox-").FullName;

    public OutboxFixture(int port, Action<OutboxOptions>? configure = null)
    {
        Port = port;
        DatabasePath = Path.Combine(_directory, "outbox.db");
        ConnectionString = $"Data Source={DatabasePath}";
        Options = new OutboxOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), MaxAttempts = 12 }.UseSqlite(ConnectionString);
        configure?.Invoke(Options);
        Store = (SqliteOutboxStore)Options.StoreFactory!(null!);
        Sender = new SmtpSender(new SmtpSettings { Host = "127.0.0.1", Port = port, Mode = SessionMode.NeverTls, TimeoutSeconds = 10, MaxConnections = 4 });
        Outbox = new MailOutbox(Store, Clock, Signal);
        Worker = new DeliveryWorker(Store, new DeliveryTransport(Sender), Options, Signal, Clock, NullLogger.Instance);
    }

    public int Port { get; }

    public string DatabasePath { get; }

    public string ConnectionString { get; }

    public OutboxOptions Options { get; }

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public DeliverySignal Signal { get; } = new();

    public SqliteOutboxStore Store { get; }

    public SmtpSender Sender { get; }

    public MailOutbox Outbox { get; }

    public DeliveryWorker Worker { get; }

    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Task<MailboxServer> StartMailboxAsync(int port = 0, Action<MailboxOptions>? configure = null)
    {
        var options = new MailboxOptions { Port = port };
        configure?.Invoke(options);
        return MailboxServer.StartAsync(options);
    }

    /// <summary>Runs worker rounds until none is due, moving the clock to each next attempt; bounded.</summary>
    public async Task DrainAsync(int maxRounds = 200)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var round = 0; round < maxRounds; round++)
        {
            if (await Worker.RunOnceAsync(timeout.Token) > 0)
            {
                continue;
            }

            var pending = await Store.CountAsync(timeout.Token);
            if (pending.Pending == 0)
            {
                return;
            }

            Clock.Advance(Options.MaxRetryDelay);
        }

        throw new TimeoutException($"The outbox did not drain in {maxRounds} rounds.");
    }

    public async ValueTask DisposeAsync()
    {
        await Sender.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine: the temporary folder is cleaned by the system.
        }
    }
}

/// <summary>A clock that moves only when the test says so: retries and leases are judged without waiting.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start)
    {
        _now = start;
    }

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
