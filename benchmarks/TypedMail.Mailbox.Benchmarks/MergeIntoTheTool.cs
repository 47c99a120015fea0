using System.Diagnostics;
using System.Globalization;
using TypedMail.Mailbox.Tool;

namespace TypedMail.Mailbox.Benchmarks;

/// <summary>
/// The typedmail-mailbox tool, in this process, with a merge of N small messages sent to it over one STARTTLS connection;
/// then the memory it holds and the size and time of each API answer a page asks for.
/// </summary>
internal static class MergeIntoTheTool
{
    public static async Task<int> RunAsync(int count)
    {
        using var stop = new CancellationTokenSource();
        var started = new TaskCompletionSource<MailboxToolStarted>(TaskCreationOptions.RunContinuationsAsynchronously);
        var tool = MailboxTool.RunAsync(["--smtp-port", "0", "--http-port", "0"], TextWriter.Null, Console.Error, stop.Token, started.SetResult);
        var running = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        var server = running.Servers[0];

        var before = Heap();
        var clock = Stopwatch.StartNew();
        await MergeSender.SendAsync(server, count);
        await server.WaitForMessagesAsync(count, TimeSpan.FromMinutes(5));
        var sent = clock.Elapsed;
        var after = Heap();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"merge of {count:N0} messages over one connection in {sent.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"managed heap after a full GC: {Mib(before):F1} MiB before, {Mib(after):F1} MiB after: {(after - before) / (double)count:F0} bytes per message"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"process working set: {Mib(Environment.WorkingSet):F1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"session commands recorded: {server.Sessions.Sum(session => session.Commands.Count):N0}"));

        using var http = new HttpClient { BaseAddress = running.Inbox.Address };
        var last = count.ToString(CultureInfo.InvariantCulture);
        string[] answers =
        [
            "/api/messages",
            "/api/messages?take=1000",
            $"/api/messages?skip={count - 50}",
            "/api/messages?q=listener1234%40example.com",
            "/api/messages?q=spots%20%231234",
            "/api/messages/1",
            $"/api/messages/{last}",
        ];
        Console.WriteLine("| answer | bytes | ms |");
        Console.WriteLine("|---|---:|---:|");
        foreach (var answer in answers)
        {
            await http.GetByteArrayAsync(answer); // once to warm up
            clock.Restart();
            var bytes = await http.GetByteArrayAsync(answer);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| `GET {answer}` | {bytes.Length:N0} | {clock.Elapsed.TotalMilliseconds:F1} |"));
        }

        await stop.CancelAsync();
        return await tool;
    }

    private static long Heap()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static double Mib(long bytes) => bytes / 1024.0 / 1024.0;
}
