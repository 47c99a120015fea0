using System;
using System.Diagnostics;
using System.Linq;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;

namespace TypedMail.Mailbox.Tests.Tool;

/// <summary>The typedmail-mailbox program itself, as a process: it prints its addresses and Ctrl+C (SIGINT) stops it cleanly.</summary>
public sealed partial class ToolProcessTests
{
    [Fact]
    public async Task Ctrl_C_stops_the_SMTP_server_and_the_inbox_and_exits_0()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { SamplePaths.ToolAssembly, "--smtp-port", "0", "--http-port", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        using var tool = Process.Start(start)!;
        try
        {
            var smtp = await ReadLineMatching(tool, SmtpLine());
            var inbox = await ReadLineMatching(tool, InboxLine());
            await ReadLineMatching(tool, StopHint());
            var smtpPort = int.Parse(smtp.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var httpPort = new Uri(inbox.Groups[1].Value).Port;
            using (var client = new TcpClient())
            {
                await client.ConnectAsync("127.0.0.1", smtpPort);
            }

            using (var kill = Process.Start("kill", ["-INT", tool.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync();
            }

            await tool.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
            Assert.Equal(0, tool.ExitCode);
            Assert.Equal("Stopping…", (await tool.StandardOutput.ReadToEndAsync()).Trim());
            foreach (var port in new[] { smtpPort, httpPort })
            {
                using var client = new TcpClient();
                await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
            }
        }
        finally
        {
            if (!tool.HasExited)
            {
                tool.Kill(entireProcessTree: true);
            }
        }
    }

    private static async Task<Match> ReadLineMatching(Process process, Regex pattern)
    {
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            if (pattern.Match(line) is { Success: true } match)
            {
                return match;
            }
        }

        throw new InvalidOperationException($"typedmail-mailbox ended without printing a line like {pattern}: {await process.StandardError.ReadToEndAsync()}");
    }

    [GeneratedRegex(@"^  SMTP: +127\.0\.0\.1:(\d+) \(plain, STARTTLS offered\)$")]
    private static partial Regex SmtpLine();

    [GeneratedRegex(@"^  Inbox: +(http://127\.0\.0\.1:\d+/)$")]
    private static partial Regex InboxLine();

    [GeneratedRegex("^Press Ctrl\\+C to stop\\.$")]
    private static partial Regex StopHint();
}
