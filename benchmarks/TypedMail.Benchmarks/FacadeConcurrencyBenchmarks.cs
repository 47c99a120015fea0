using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using TypedMail.Mailbox;
using static TypedMail.InternetCommands;

namespace TypedMail.Benchmarks;

/// <summary>
/// The 4D facade blocks its caller until the send ends (4D's commands are synchronous), and the send itself runs on
/// the thread pool. Many concurrent 4D-style calls made <em>from pool threads</em> therefore hold pool threads while
/// they wait for work that needs pool threads. One operation = <see cref="Callers"/> concurrent
/// <c>SMTP_QuickSend</c> calls (a connection each, 4D's way) over a 20 ms round trip, started from pool threads, from
/// dedicated threads, or the same sends awaited with <c>SendAsync</c> (no blocking). Cold start, a fresh process per
/// launch: the first operation meets the thread pool as an application would, with only its minimum of threads.
/// </summary>
[SimpleJob(RunStrategy.ColdStart, launchCount: 3, warmupCount: 0, iterationCount: 1)]
public class FacadeConcurrencyBenchmarks
{
    private MailboxServer _mailbox = null!;
    private DelayingProxy _proxy = null!;

    [Params(8, 64)]
    public int Callers { get; set; }

    [GlobalSetup]
    public async Task Start()
    {
        _mailbox = await MailboxServer.StartAsync();
        _proxy = new DelayingProxy(_mailbox.Host, _mailbox.Port, TimeSpan.FromMilliseconds(20));
    }

    [GlobalCleanup]
    public async Task Stop()
    {
        await _proxy.DisposeAsync();
        await _mailbox.DisposeAsync();
    }

    /// <summary>SMTP_QuickSend from pool threads (Task.Run): each call blocks a pool thread.</summary>
    [Benchmark(Baseline = true)]
    public Task<int[]> BlockingCallsFromPoolThreads() =>
        Task.WhenAll(Enumerable.Range(0, Callers).Select(i => Task.Run(() => QuickSend(i))));

    /// <summary>SMTP_QuickSend from dedicated threads (4D's own processes are threads of their own).</summary>
    [Benchmark]
    public int[] BlockingCallsFromDedicatedThreads()
    {
        var results = new int[Callers];
        var threads = Enumerable.Range(0, Callers).Select(i => new Thread(() => results[i] = QuickSend(i))).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return results;
    }

    /// <summary>The same messages awaited with SendAsync: nothing blocks.</summary>
    [Benchmark]
    public async Task<int[]> AwaitedSends()
    {
        var settings = new SmtpSettings { Host = _mailbox.Host, Port = _proxy.Port, Mode = SessionMode.NeverTls };
        return await Task.WhenAll(Enumerable.Range(0, Callers).Select(async i =>
        {
            using var message = new SmtpMessage();
            message.SetFrom("herb_tarlick@wkrp.com");
            message.SetTo($"listener{i}@wkrp.com");
            message.SetSubject("Turkeys away");
            message.SetBody("As God is my witness, I thought turkeys could fly.");
            return (await message.SendAsync(settings)).Code;
        }));
    }

    private int QuickSend(int i)
    {
        var code = SMTP_QuickSend(_mailbox.Host, "herb_tarlick@wkrp.com", $"listener{i}@wkrp.com", "Turkeys away",
            "As God is my witness, I thought turkeys could fly.", 2, _proxy.Port);
        return code == 0 ? code : throw new InvalidOperationException($"SMTP_QuickSend gave {code}");
    }
}
