using System;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;

namespace TypedMail.Mailbox.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, started with a fresh profile and driven over the DevTools protocol. Missing Chromium is
/// a failure that says how to install it, never a skipped test.
/// </summary>
internal sealed class Chromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;

    private Chromium(Process process, string profile, CdpConnection connection)
    {
        _process = process;
        _profile = profile;
        Connection = connection;
    }

    public CdpConnection Connection { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var chosen = Environment.GetEnvironmentVariable("TYPEDMAIL_CHROMIUM");
        if (!string.IsNullOrEmpty(chosen) && !File.Exists(chosen))
        {
            throw new InvalidOperationException($"TYPEDMAIL_CHROMIUM names {chosen}, which does not exist.");
        }

        var executable = string.IsNullOrEmpty(chosen) ? Array.Find(Candidates, File.Exists) : chosen;
        if (executable is null)
        {
            throw new InvalidOperationException(
                "The browser tests need Chromium and found none at " + string.Join(", ", Candidates) +
                " (nor TYPEDMAIL_CHROMIUM): install Debian's package with `apt-get install chromium` (.ci/run installs it).");
        }

        var profile = Directory.CreateTempSubdirectory("typedmail-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{executable} did not start.");
        var log = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        // Chromium writes its port and browser path there once the DevTools endpoint listens.
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (File.Exists(portFile) && File.ReadAllLines(portFile) is [var port, var path, ..])
            {
                var connection = await CdpConnection.ConnectAsync(new Uri($"ws://127.0.0.1:{port}{path}"));
                return new Chromium(process, profile, connection);
            }

            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                string output;
                lock (log) { output = log.ToString(); }
                throw new InvalidOperationException($"{executable} did not open its DevTools endpoint within {StartTimeout.TotalSeconds} s. Its output:\n{output}");
            }

            await Task.Delay(100);
        }
    }

    public async Task<BrowserPage> NewPageAsync() => await BrowserPage.OpenAsync(Connection);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Connection.SendAsync("Browser.close").WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is TimeoutException or IOException or InvalidOperationException or JsonException)
        {
            // Killed below.
        }

        await Connection.DisposeAsync();
        if (!_process.WaitForExit(5000))
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying child process; the temp folder is cleaned by the system.
        }
    }
}
