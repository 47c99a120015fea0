using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;

namespace TypedMail.Runtime.Tests.Support;

/// <summary>
/// smtp4dev (a real SMTP server that offers CRAM-MD5, which the Mailbox does not) on loopback, run from the
/// repository's own tool manifest (.config/dotnet-tools.json), restored here first. Plain SMTP, checked credentials.
/// It binds port 0 for SMTP and for its web API and the ports are read back from its log, so no other test can take
/// a port between choosing and binding it.
/// </summary>
public sealed partial class Smtp4devServer : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(120);
    private readonly Process _process;
    private readonly string _dataFolder;
    private readonly StringBuilder _output;
    private HttpClient? _api;

    private Smtp4devServer(Process process, string dataFolder, StringBuilder output)
    {
        _process = process;
        _dataFolder = dataFolder;
        _output = output;
    }

    public int SmtpPort { get; private set; }

    private HttpClient Api => _api ?? throw new InvalidOperationException("smtp4dev is not listening yet.");

    public static async Task<Smtp4devServer> StartAsync(string user, string password)
    {
        var root = RepositoryRoot();
        await RunToEndAsync(root, TimeSpan.FromMinutes(5), "tool", "restore");
        var data = Path.Combine(Path.GetTempPath(), "typedmail-smtp4dev-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var output = new StringBuilder();
        var process = Start(root, output, "tool", "run", "smtp4dev", "--",
            "--smtpport=0", "--urls=http://127.0.0.1:0", "--db=", "--imapport=", "--pop3port=",
            "--tlsmode=None", "--nousersettings", $"--baseappdatapath={data}", "--bindaddress=127.0.0.1", "--hostname=localhost",
            $"--user={user}={password}", "--smtpallowanycredentials-", "--authenticationrequired",
            "--SmtpAuthTypesNotSecure=CRAM-MD5,PLAIN,LOGIN");
        var server = new Smtp4devServer(process, data, output);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The transcript of the session that carried <paramref name="marker"/> (e.g. a unique MAIL FROM), waiting for it within a bound.</summary>
    public async Task<string> SessionLogContainingAsync(string marker)
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            using var sessions = JsonDocument.Parse(await Api.GetStringAsync("api/sessions?pageSize=500", bound.Token));
            foreach (var session in sessions.RootElement.GetProperty("results").EnumerateArray())
            {
                var log = await Api.GetStringAsync($"api/sessions/{session.GetProperty("id").GetString()}/log", bound.Token);
                if (log.Contains(marker, StringComparison.Ordinal))
                {
                    return log;
                }
            }

            await Task.Delay(200, bound.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _api?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                await _process.WaitForExitAsync(bound.Token);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or still dying: nothing more to do from here.
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the dying process: left in the temp folder.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartBound)
        {
            var log = Output();
            if (_process.HasExited || log.Contains("SMTP server failed to start", StringComparison.Ordinal))
            {
                throw new InvalidOperationException("smtp4dev did not start listening:\n" + log);
            }

            if (SmtpPortLine().Match(log) is { Success: true } smtp && WebAddressLine().Match(log) is { Success: true } web)
            {
                SmtpPort = int.Parse(smtp.Groups[1].Value, CultureInfo.InvariantCulture);
                _api ??= new HttpClient { BaseAddress = new Uri(web.Groups[1].Value + "/"), Timeout = TimeSpan.FromSeconds(10) };
                try
                {
                    using var client = new TcpClient();
                    await client.ConnectAsync(IPAddress.Loopback, SmtpPort);
                    using var reader = new StreamReader(client.GetStream());
                    var greeting = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(10));
                    if (greeting?.StartsWith("220", StringComparison.Ordinal) == true)
                    {
                        await Api.GetStringAsync("api/sessions");
                        return;
                    }
                }
                catch (Exception ex) when (ex is SocketException or IOException or HttpRequestException or TimeoutException or TaskCanceledException)
                {
                    // Logged as listening, not answering yet.
                }
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"smtp4dev did not listen within {StartBound}:\n" + Output());
    }

    [GeneratedRegex(@"SMTP Server is listening on port (\d+)")]
    private static partial Regex SmtpPortLine();

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex WebAddressLine();

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static Process Start(string root, StringBuilder output, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        DataReceivedEventHandler keep = (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (output)
                {
                    output.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += keep;
        process.ErrorDataReceived += keep;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunToEndAsync(string root, TimeSpan bound, params string[] arguments)
    {
        var output = new StringBuilder();
        using var process = Start(root, output, arguments);
        using var cancel = new CancellationTokenSource(bound);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} did not finish within {bound}:\n{output}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output}");
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, ".config", "dotnet-tools.json")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("No .config/dotnet-tools.json above " + AppContext.BaseDirectory);
    }
}
