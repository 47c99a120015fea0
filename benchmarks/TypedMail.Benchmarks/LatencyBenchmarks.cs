using BenchmarkDotNet.Attributes;
using MailKit.Net.Smtp;
using MailKit.Security;
using TypedMail.Mailbox;

namespace TypedMail.Benchmarks;

/// <summary>
/// Messages per second over a slow link: a <see cref="DelayingProxy"/> with a configurable round trip between the
/// client and the embedded Mailbox (0 = straight to it). One operation sends <see cref="Messages"/> typed letters
/// (rendering included); BenchmarkDotNet's mean is per message, so messages/s = 1 s / mean.
/// </summary>
[MemoryDiagnoser]
public class LatencyBenchmarks
{
    private const int MessagesPerOperation = 20;
    private MailboxServer _mailbox = null!;
    private DelayingProxy? _proxy;
    private List<DiscountLetter> _letters = null!;

    [Params(0, 20)]
    public int RoundTripMs { get; set; }

    public int Messages => MessagesPerOperation;

    [GlobalSetup]
    public async Task Start()
    {
        _mailbox = await MailboxServer.StartAsync();
        _proxy = RoundTripMs == 0 ? null : new DelayingProxy(_mailbox.Host, _mailbox.Port, TimeSpan.FromMilliseconds(RoundTripMs));
        _letters = Enumerable.Range(1, MessagesPerOperation)
            .Select(i => DiscountLetter.Create()
                .Email($"person{i}@wkrp.com")
                .Salutation($"Reader {i}")
                .Offer("50% off all drive-time ad spots.")
                .Discount(0.5m)
                .Until(new DateTime(2026, 12, 24))
                .Build())
            .ToList();
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        await _mailbox.DisposeAsync();
    }

    [IterationCleanup]
    public void Empty() => _mailbox.Clear();

    private int Port => _proxy?.Port ?? _mailbox.Port;

    private SmtpSettings Settings() => new() { Host = _mailbox.Host, Port = Port, Mode = SessionMode.NeverTls, MaxConnections = 4 };

    /// <summary>4D's way: SMTP_Send opens and closes a connection per message.</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerOperation)]
    public async Task<int> ConnectionPerMessage()
    {
        var sent = 0;
        foreach (var letter in _letters)
        {
            await using var sender = new SmtpSender(Settings());
            sent += (await sender.SendAsync((ITypedMailMessage)letter)).Succeeded ? 1 : 0;
        }

        return sent;
    }

    /// <summary>TypedMail's merge over one session (SendManyAsync with typed messages).</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerOperation)]
    public async Task<int> OneSession()
    {
        await using var sender = new SmtpSender(Settings());
        var results = await sender.SendManyAsync(_letters);
        return results.Count(r => r.Succeeded);
    }

    /// <summary>The peer: hand-written MailKit, one connection, the same typed messages rendered with ToMimeMessage().</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = MessagesPerOperation)]
    public async Task<int> HandWrittenMailKitOneSession()
    {
        using var client = new SmtpClient();
        await client.ConnectAsync(_mailbox.Host, Port, SecureSocketOptions.None);
        foreach (var letter in _letters)
        {
            await client.SendAsync(letter.ToMimeMessage());
        }

        await client.DisconnectAsync(true);
        return _letters.Count;
    }

    /// <summary>TypedMail's merge over four sessions at once (SendManyAsync with a degree of parallelism).</summary>
    [Benchmark(OperationsPerInvoke = MessagesPerOperation)]
    public async Task<int> FourSessions()
    {
        await using var sender = new SmtpSender(Settings());
        var results = await sender.SendManyAsync(_letters, 4);
        return results.Count(r => r.Succeeded);
    }
}
