using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Tool;

namespace TypedMail.Mailbox.Tests.Tool;

/// <summary>The typedmail-mailbox command as its Program runs it, in process, stopped as Ctrl+C stops it.</summary>
public sealed class MailboxToolTests
{
    [Theory]
    [InlineData("--smtp-prot", "Unknown option '--smtp-prot'.")]
    [InlineData("--smtp-port 70000", "--smtp-port '70000' is not a port number (0 to 65535).")]
    [InlineData("--http-port", "--http-port needs a value.")]
    [InlineData("--user alice", "--user 'alice' must be NAME:PASSWORD, both non-empty.")]
    public async Task A_bad_command_line_exits_2_naming_the_option(string arguments, string expected)
    {
        var error = new StringWriter();

        var code = await MailboxTool.RunAsync(arguments.Split(' '), TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.StartsWith($"typedmail-mailbox: {expected}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("Usage: typedmail-mailbox", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_previews_assembly_exits_1_naming_the_file()
    {
        var error = new StringWriter();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-app", "App.dll");

        var code = await MailboxTool.RunAsync(["--smtp-port", "0", "--http-port", "0", "--previews", missing], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.StartsWith($"typedmail-mailbox: --previews: The previews assembly '{missing}' does not exist", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_in_use_exits_1_saying_which_option_to_change()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port;
        var error = new StringWriter();

        var code = await MailboxTool.RunAsync(["--smtp-port", "0", "--http-port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)], TextWriter.Null, error, CancellationToken.None);

        Assert.Equal(1, code);
        Assert.Contains($"cannot listen for HTTP on 127.0.0.1:{port}", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("choose another port with --http-port", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task It_prints_its_addresses_requires_AUTH_keeps_messages_across_restarts_and_stops_on_cancel()
    {
        var store = Directory.CreateTempSubdirectory("typedmail-store-").FullName;
        try
        {
            string[] args = ["--smtp-port", "0", "--http-port", "0", "--implicit-tls-port", "0", "--user", "herb:drive-time", "--store", store];
            int[] ports;
            using (var stop = new CancellationTokenSource())
            {
                var output = new StringWriter();
                var started = new TaskCompletionSource<MailboxToolStarted>();
                var run = MailboxTool.RunAsync(args, output, TextWriter.Null, stop.Token, started.SetResult);
                var tool = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                ports = tool.Servers.Select(server => server.Port).ToArray();

                var printed = output.ToString();
                Assert.Contains($"SMTP:     127.0.0.1:{ports[0]} (plain, STARTTLS offered)", printed, StringComparison.Ordinal);
                Assert.Contains($"SMTP:     127.0.0.1:{ports[1]} (implicit TLS)", printed, StringComparison.Ordinal);
                Assert.Contains($"Inbox:    {tool.Inbox.Address}", printed, StringComparison.Ordinal);
                Assert.Contains("AUTH:     required, user herb", printed, StringComparison.Ordinal);

                // MailKit turns the server's 530 to MAIL FROM into this exception.
                await Assert.ThrowsAsync<MailKit.ServiceNotAuthenticatedException>(
                    () => SmtpDelivery.SendAsync(tool.Servers[0], [SampleMessages.Text()], authenticate: false));
                await SmtpDelivery.SendAsync(tool.Servers[0], [SampleMessages.Text()]);
                await SmtpDelivery.SendAsync(tool.Servers[1], [SampleMessages.Attachment()]);

                await stop.CancelAsync();
                Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
                Assert.Contains("Stopping…", output.ToString(), StringComparison.Ordinal);
            }

            foreach (var port in ports)
            {
                using var client = new TcpClient();
                await Assert.ThrowsAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", port));
            }

            Assert.Equal(2, Directory.GetFiles(store, "*.eml").Length);
            using (var stop = new CancellationTokenSource())
            {
                var started = new TaskCompletionSource<MailboxToolStarted>();
                var run = MailboxTool.RunAsync(args, TextWriter.Null, TextWriter.Null, stop.Token, started.SetResult);
                var tool = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
                using var http = new HttpClient { BaseAddress = tool.Inbox.Address };

                var list = await http.GetFromJsonAsync<JsonElement>("/api/messages");

                Assert.Equal(["Attachment: the rate card", "Text only: the weekly ratings"], list.EnumerateArray().Select(message => message.GetProperty("subject").GetString()!).ToArray());
                var implicitTls = list[0].GetProperty("session");
                Assert.False(implicitTls.GetProperty("startTlsIssued").GetBoolean());
                Assert.True(implicitTls.GetProperty("secure").GetBoolean());
                Assert.Equal("herb", implicitTls.GetProperty("authenticatedUser").GetString());
                Assert.Equal($"ImplicitTls on 127.0.0.1:{ports[1]}", implicitTls.GetProperty("listener").GetString());

                (await http.DeleteAsync("/api/messages")).EnsureSuccessStatusCode();
                Assert.Empty(Directory.GetFiles(store));
                await stop.CancelAsync();
                Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
            }
        }
        finally
        {
            Directory.Delete(store, recursive: true);
        }
    }

    [Fact]
    public async Task Help_prints_the_options()
    {
        var output = new StringWriter();

        Assert.Equal(0, await MailboxTool.RunAsync(["--help"], output, TextWriter.Null, CancellationToken.None));
        Assert.Contains("--implicit-tls-port N", output.ToString(), StringComparison.Ordinal);
    }
}
