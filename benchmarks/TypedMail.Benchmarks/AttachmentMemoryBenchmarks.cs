using System.Diagnostics;
using BenchmarkDotNet.Attributes;

namespace TypedMail.Benchmarks;

/// <summary>
/// Sends one message with a 200 MiB file attachment (SMTP_Attachment, encode type 2) over loopback to a server that
/// discards the data, and measures the client's peak managed memory above the baseline taken just before the send:
/// the attachment is streamed, so the peak stays far below the file's size (target: under 32 MiB). The peak is written
/// at the end of the run ("Peak managed memory above baseline") beside MemoryDiagnoser's allocations.
/// </summary>
[MemoryDiagnoser]
public class AttachmentMemoryBenchmarks
{
    private const long FileSize = 200L * 1024 * 1024;
    private string _file = null!;
    private DiscardingSmtpServer _server = null!;
    private long _peakAboveBaseline;

    [GlobalSetup]
    public void CreateFileAndServer()
    {
        _file = Path.Combine(Path.GetTempPath(), $"typedmail-bench-{Guid.NewGuid():N}.bin");
        using (var stream = new FileStream(_file, FileMode.CreateNew, FileAccess.Write))
        {
            var block = new byte[1024 * 1024];
            new Random(42).NextBytes(block);
            for (var i = 0; i < FileSize / block.Length; i++)
            {
                stream.Write(block);
            }
        }

        _server = new DiscardingSmtpServer();
    }

    [GlobalCleanup]
    public async Task Cleanup()
    {
        Console.WriteLine($"// Peak managed memory above baseline: {_peakAboveBaseline / (1024.0 * 1024.0):F1} MiB (200 MiB attachment, {_server.Discarded / (1024 * 1024)} MiB on the wire)");
        await _server.DisposeAsync();
        File.Delete(_file);
    }

    [Benchmark]
    public async Task<int> Send200MiBAttachment()
    {
        using var message = new SmtpMessage();
        message.SetFrom("herb_tarlick@wkrp.com");
        message.SetTo("bigguy@wkrp.com");
        message.SetSubject("The archive");
        message.SetBody("Attached.");
        message.AttachFile(_file, 2);
        var settings = new SmtpSettings { Host = "127.0.0.1", Port = _server.Port, Mode = SessionMode.NeverTls, TimeoutSeconds = 120 };

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        using var sampling = new CancellationTokenSource();
        var peak = baseline;
        var sampler = new Thread(() =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                Thread.Sleep(1);
            }
        }) { IsBackground = true };
        sampler.Start();

        var result = await message.SendAsync(settings);
        sampling.Cancel();
        sampler.Join();
        _peakAboveBaseline = Math.Max(_peakAboveBaseline, peak - baseline);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return result.Code;
    }
}
