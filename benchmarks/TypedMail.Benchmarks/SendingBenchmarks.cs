using BenchmarkDotNet.Attributes;
using TypedMail.Mailbox;

namespace TypedMail.Benchmarks;

/// <summary>
/// A mail merge of <see cref="Messages"/> typed letters to an embedded Mailbox on loopback. Every side sends each
/// letter through the same path (the letter's message reference through <see cref="SmtpSender"/>); only the
/// connections differ: a new sender (connection) per letter, as a naive loop does, against one sender for the whole
/// merge (a loop of SendAsync, and SendManyAsync). The Mailbox is emptied at the start of each invocation, the same on
/// every side, so that BenchmarkDotNet can run many invocations per iteration (no per-iteration setup or cleanup).
/// </summary>
[MemoryDiagnoser]
public class SendingBenchmarks
{
    private MailboxServer _mailbox = null!;
    private List<DiscountLetter> _letters = null!;

    [Params(20)]
    public int Messages { get; set; }

    [GlobalSetup]
    public async Task StartMailbox()
    {
        _mailbox = await MailboxServer.StartAsync();
        _letters = Enumerable.Range(1, Messages)
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
    public async Task StopMailbox() => await _mailbox.DisposeAsync();

    private SmtpSettings Settings() => new() { Host = _mailbox.Host, Port = _mailbox.Port, Mode = SessionMode.NeverTls };

    [Benchmark(Baseline = true)]
    public async Task<int> NewConnectionPerMessage()
    {
        _mailbox.Clear();
        var sent = 0;
        foreach (var letter in _letters)
        {
            await using var sender = new SmtpSender(Settings());
            sent += (await sender.SendAsync(letter)).Succeeded ? 1 : 0;
        }

        return Delivered(sent);
    }

    [Benchmark]
    public async Task<int> OneConnectionSendAsyncLoop()
    {
        _mailbox.Clear();
        var sent = 0;
        await using var sender = new SmtpSender(Settings());
        foreach (var letter in _letters)
        {
            sent += (await sender.SendAsync(letter)).Succeeded ? 1 : 0;
        }

        return Delivered(sent);
    }

    [Benchmark]
    public async Task<int> OneConnectionSendManyAsync()
    {
        _mailbox.Clear();
        await using var sender = new SmtpSender(Settings());
        var results = await sender.SendManyAsync(_letters);
        return Delivered(results.Count(r => r.Succeeded));
    }

    /// <summary>A benchmark that stopped delivering would measure nothing: fail it instead.</summary>
    private int Delivered(int sent) =>
        sent == _letters.Count ? sent : throw new InvalidOperationException($"Only {sent} of {_letters.Count} letters were accepted.");
}
