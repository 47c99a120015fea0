using BenchmarkDotNet.Attributes;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Benchmarks;

/// <summary>The web inbox's list over HTTP with 10,000 messages received: the first page, a later page and a search.</summary>
[MemoryDiagnoser]
public class InboxListBenchmarks
{
    private MailboxServer? _server;
    private WebInbox? _inbox;
    private HttpClient? _http;

    [Params(10_000)]
    public int Messages { get; set; }

    [GlobalSetup]
    public async Task StartAsync()
    {
        _server = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.StartTls });
        _inbox = await WebInbox.StartAsync([_server]);
        _http = new HttpClient { BaseAddress = _inbox.Address };
        await MergeSender.SendAsync(_server, Messages);
        await _server.WaitForMessagesAsync(Messages, TimeSpan.FromMinutes(2));
    }

    [GlobalCleanup]
    public async Task StopAsync()
    {
        _http?.Dispose();
        if (_inbox is not null)
        {
            await _inbox.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>What the list page asks for when it opens.</summary>
    [Benchmark(Baseline = true)]
    public Task<byte[]> FirstPage() => _http!.GetByteArrayAsync("/api/messages?skip=0&take=50");

    [Benchmark]
    public Task<byte[]> LastPage() => _http!.GetByteArrayAsync($"/api/messages?skip={Messages - 50}&take=50");

    /// <summary>A search of an address: found in the rows' From and To, no message parsed.</summary>
    [Benchmark]
    public Task<byte[]> SearchAddress() => _http!.GetByteArrayAsync("/api/messages?q=listener1234%40example.com");

    /// <summary>A search of a word only in the bodies: every message is parsed for its text.</summary>
    [Benchmark]
    public Task<byte[]> SearchBodies() => _http!.GetByteArrayAsync("/api/messages?q=spots");
}
