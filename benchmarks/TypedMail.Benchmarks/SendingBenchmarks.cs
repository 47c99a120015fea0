using BenchmarkDotNet.Attributes;
using TypedMail.Mailbox;

namespace TypedMail.Benchmarks;

/// <summary>
/// A mail merge of <see cref="Messages"/> letters to an embedded Mailbox on loopback: one connection for the whole
/// merge (SendManyAsync) against a new connection per message, as a naive loop does.
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

    [IterationCleanup]
    public void Empty() => _mailbox.Clear();

    private SmtpSettings Settings() => new() { Host = _mailbox.Host, Port = _mailbox.Port, Mode = SessionMode.NeverTls };

    [Benchmark(Baseline = true)]
    public async Task<int> NewConnectionPerMessage()
    {
        var sent = 0;
        foreach (var letter in _letters)
        {
            await using var sender = new SmtpSender(Settings());
            sent += (await letter.SendAsync(sender)).Succeeded ? 1 : 0;
        }

        return sent;
    }

    [Benchmark]
    public async Task<int> OneConnectionSendMany()
    {
        await using var sender = new SmtpSender(Settings());
        var results = await sender.SendManyAsync(_letters.Select(l => l.ToMimeMessage()));
        return results.Count(r => r.Succeeded);
    }
}
