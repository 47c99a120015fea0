using System;

namespace TypedMail.Outbox;

/// <summary>How the outbox stores and delivers, set in <c>AddTypedMailOutbox(o => ...)</c>.</summary>
public sealed class OutboxOptions
{
    internal Func<IServiceProvider, IOutboxStore>? StoreFactory { get; private set; }

    /// <summary>Keeps the outbox in a SQLite database (created with its schema on first use): one machine, one or more worker threads.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, e.g. <c>Data Source=mail-outbox.db</c>.</param>
    public OutboxOptions UseSqlite(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new ArgumentException("The outbox needs a SQLite connection string, e.g. \"Data Source=mail-outbox.db\".", nameof(connectionString));
        }

        StoreFactory = _ => new SqliteOutboxStore(connectionString, SqliteSurvivesPowerLoss);
        return this;
    }

    /// <summary>
    /// True (default): every SQLite commit of the outbox (an enqueue, a mark, an outcome) is on disk before it returns
    /// (<c>PRAGMA synchronous=FULL</c>): nothing is lost or sent twice even if the machine loses power. False:
    /// <c>synchronous=NORMAL</c> in WAL mode: the guarantees hold across any crash of the process (kill -9 included), but
    /// a power loss or an operating-system crash may roll back the last commits; a lost mark can then send a message a
    /// second time. About three times the delivery throughput (docs/outbox.md). PostgreSQL has its own setting
    /// (<c>synchronous_commit</c>).
    /// </summary>
    public bool SqliteSurvivesPowerLoss { get; set; } = true;

    /// <summary>Used by store packages (e.g. TypedMail.Outbox.PostgreSql) to plug their store in.</summary>
    internal OutboxOptions UseStore(Func<IServiceProvider, IOutboxStore> factory)
    {
        StoreFactory = factory;
        return this;
    }

    /// <summary>True (default): this process runs the delivery worker. False: it only enqueues (a web app) and other processes deliver.</summary>
    public bool RunDeliveryWorker { get; set; } = true;

    /// <summary>
    /// Attempts before an entry that keeps failing transiently (network, 421, other 4xx) ends Failed. Default 12: with the
    /// default backoff that spans about a day and a half, longer than the usual outage of a relay.
    /// </summary>
    public int MaxAttempts { get; set; } = 12;

    /// <summary>An entry older than this is not retried again (Failed). Default 2 days: past that a confirmation is usually worthless, and most MTAs give up after 1 to 5 days too.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The first retry's delay; each next one doubles it, with ±20% jitter, up to <see cref="MaxRetryDelay"/>. Default 30 s.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest delay between two attempts. Default 6 hours.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>
    /// How long a worker holds an entry it claimed. A worker that dies holding one leaves it for this long; then it goes
    /// back to Pending (its end of data was never written) or to Unknown (it may have been). Default 5 minutes, well
    /// above a send's timeouts.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle worker looks for due entries (an enqueue in the same process wakes it at once). Default 1 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Messages a worker sends at once: at most the sender's connection pool is used. Default 4 (the sender's default pool).</summary>
    public int MaxConcurrentSends { get; set; } = 4;

    /// <summary>Entries claimed per round trip to the database. Default 32.</summary>
    public int ClaimBatchSize { get; set; } = 32;

    internal void Validate()
    {
        if (StoreFactory is null)
        {
            throw new InvalidOperationException("TypedMail outbox: no store: call o.UseSqlite(\"Data Source=mail-outbox.db\") (or o.UsePostgreSql(...) of TypedMail.Outbox.PostgreSql) in AddTypedMailOutbox.");
        }

        Positive(MaxAttempts, nameof(MaxAttempts));
        Positive(MaxConcurrentSends, nameof(MaxConcurrentSends));
        Positive(ClaimBatchSize, nameof(ClaimBatchSize));
        Positive(MaxAge, nameof(MaxAge));
        Positive(LeaseDuration, nameof(LeaseDuration));
        Positive(PollInterval, nameof(PollInterval));
        Positive(RetryBaseDelay, nameof(RetryBaseDelay));
        Positive(MaxRetryDelay, nameof(MaxRetryDelay));
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new InvalidOperationException($"TypedMail outbox: {name} must be positive (it is {value}).");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new InvalidOperationException($"TypedMail outbox: {name} must be positive (it is {value}).");
        }
    }
}
