using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using TypedMail.Mailbox;
using TypedMail.Outbox;

namespace TypedMail.Benchmarks;

/// <summary>
/// The outbox on SQLite: the enqueue rate (one transaction per message, and one batch per merge), and delivery of a
/// merge through the outbox (claim, end-of-data mark, outcome per message) against direct <c>SendManyAsync</c> to the
/// same Mailbox over the same four pooled connections. Each invocation starts from a fresh database file.
/// </summary>
[MemoryDiagnoser]
public class OutboxBenchmarks
{
    private MailboxServer _mailbox = null!;
    private List<DiscountLetter> _letters = null!;
    private string _directory = null!;
    private int _database;
    private SqliteOutboxStore _store = null!;
    private MailOutbox _outbox = null!;
    private SmtpSender _sender = null!;

    [Params(500)]
    public int Messages { get; set; }

    [GlobalSetup]
    public async Task Start()
    {
        _mailbox = await MailboxServer.StartAsync();
        _directory = Directory.CreateTempSubdirectory("typedmail-outbox-bench-").FullName;
        _letters = Enumerable.Range(1, Messages)
            .Select(i => DiscountLetter.Create().Email($"person{i}@wkrp.com").Salutation($"Reader {i}").Offer("50% off all drive-time ad spots.").Discount(0.5m).Until(new DateTime(2026, 12, 24)).Build())
            .ToList();
        _sender = new SmtpSender(new SmtpSettings { Host = _mailbox.Host, Port = _mailbox.Port, Mode = SessionMode.NeverTls, MaxConnections = 4 });
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await _sender.DisposeAsync();
        await _mailbox.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>True: SQLite commits survive a power loss (synchronous=FULL, the default); false: process crashes only (NORMAL).</summary>
    [Params(true, false)]
    public bool SurvivesPowerLoss { get; set; }

    [IterationSetup]
    public void FreshDatabase()
    {
        _mailbox.Clear();
        _store = new SqliteOutboxStore($"Data Source={Path.Combine(_directory, $"outbox-{++_database}.db")}", SurvivesPowerLoss);
        _outbox = new MailOutbox(_store, TimeProvider.System, new DeliverySignal());
        _store.EnsureSchemaAsync(default).GetAwaiter().GetResult();
    }

    [IterationSetup(Targets = [nameof(DeliverThroughTheOutbox)])]
    public void FreshDatabaseWithTheMerge()
    {
        FreshDatabase();
        _outbox.EnqueueManyAsync(_letters.Select(l => ((ITypedMailMessage)l, (EnqueueOptions?)null))).GetAwaiter().GetResult();
    }

    [Benchmark]
    [InvocationCount(1)]
    public async Task<int> EnqueueOneTransactionEach()
    {
        foreach (var letter in _letters)
        {
            await _outbox.EnqueueAsync(letter);
        }

        return Messages;
    }

    [Benchmark]
    [InvocationCount(1)]
    public async Task<int> EnqueueOneBatch() =>
        await _outbox.EnqueueManyAsync(_letters.Select(l => ((ITypedMailMessage)l, (EnqueueOptions?)null)));

    [Benchmark(Baseline = true)]
    [InvocationCount(1)]
    public async Task<int> DirectSendManyAsync()
    {
        var results = await _sender.SendManyAsync(_letters);
        return Delivered(results.Count(r => r.Succeeded));
    }

    /// <summary>The same connections as the outbox's worker (MaxConcurrentSends 4).</summary>
    [Benchmark]
    [InvocationCount(1)]
    public async Task<int> DirectSendManyAsyncFourConnections()
    {
        var results = await _sender.SendManyAsync(_letters, 4);
        return Delivered(results.Count(r => r.Succeeded));
    }

    [Benchmark]
    [InvocationCount(1)]
    public async Task<int> DeliverThroughTheOutbox()
    {
        var worker = new DeliveryWorker(_store, new DeliveryTransport(_sender), new OutboxOptions { ClaimBatchSize = 64 }, new DeliverySignal(), TimeProvider.System, NullLogger.Instance);
        while (await worker.RunOnceAsync(default) > 0)
        {
        }

        return Delivered(_mailbox.Messages.Count);
    }

    private int Delivered(int sent) =>
        sent == _letters.Count ? sent : throw new InvalidOperationException($"Only {sent} of {_letters.Count} letters were accepted.");
}
