using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Tool;

namespace TypedMail.Mailbox.Tests.Tool;

/// <summary>The tool's --relay*, --dkim-record and --spamassassin options reach its inbox.</summary>
public sealed class ToolChecksAndRelayTests
{
    [Fact]
    public async Task Relay_DKIM_record_and_SpamAssassin_options_reach_the_inbox()
    {
        var relayOptions = new MailboxOptions { Security = MailboxSecurity.StartTls, RequireAuthentication = true };
        relayOptions.Users["bailey"] = "quarters";
        await using var relay = await MailboxServer.StartAsync(relayOptions);
        var folder = Directory.CreateTempSubdirectory("typedmail-tool-relay-").FullName;
        using var rsa = RSA.Create(2048);
        var record = "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        try
        {
            var certificate = Path.Combine(folder, "relay.cer");
            await File.WriteAllBytesAsync(certificate, relay.Certificate.Export(X509ContentType.Cert));
            var recordFile = Path.Combine(folder, "studio.txt");
            await File.WriteAllTextAsync(recordFile, record);
            string[] args =
            [
                "--smtp-port", "0", "--http-port", "0",
                "--relay", $"127.0.0.1:{relay.Port}", "--relay-mode", "RequireStartTls", "--relay-user", "bailey:quarters", "--relay-certificate", certificate,
                "--dkim-record", $"studio._domainkey.wkrp.example={recordFile}",
                "--spamassassin", "/nonexistent/bin/spamassassin",
            ];
            using var stop = new CancellationTokenSource();
            var output = new StringWriter();
            var started = new TaskCompletionSource<MailboxToolStarted>();
            var run = MailboxTool.RunAsync(args, output, TextWriter.Null, stop.Token, started.SetResult);
            var tool = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            using var http = new HttpClient { BaseAddress = tool.Inbox.Address };
            Assert.Contains($"Relay:    127.0.0.1:{relay.Port} (RequireStartTls, user bailey)", output.ToString(), StringComparison.Ordinal);

            var settings = new SmtpSettings
            {
                Host = tool.Servers[0].Host,
                Port = tool.Servers[0].Port,
                AcceptedServerCertificate = tool.Servers[0].Certificate,
                Dkim = new DkimSettings { Domain = "wkrp.example", Selector = "studio", PrivateKeyPem = rsa.ExportRSAPrivateKeyPem() },
            };
            await using (var sender = new SmtpSender(settings))
            {
                var sent = await sender.SendAsync(SampleMessages.Text());
                Assert.True(sent.Succeeded, sent.ToString());
            }

            var dkim = await http.GetFromJsonAsync<JsonElement>("/api/messages/1/dkim");
            Assert.Equal("pass", Assert.Single(dkim.GetProperty("signatures").EnumerateArray()).GetProperty("result").GetString());
            var spam = await http.GetFromJsonAsync<JsonElement>("/api/messages/1/spam");
            Assert.False(spam.GetProperty("available").GetBoolean());
            Assert.Contains("'/nonexistent/bin/spamassassin' was not found", spam.GetProperty("detail").GetString(), StringComparison.Ordinal);
            using var released = await http.PostAsJsonAsync("/api/messages/1/release", new { to = new[] { "bailey@wkrp.example" } });
            Assert.Equal(HttpStatusCode.OK, released.StatusCode);
            var forwarded = await relay.WaitForMessageAsync(TimeSpan.FromSeconds(20));
            Assert.Equal("bailey", forwarded.AuthenticatedUser);
            Assert.True(forwarded.Secure);

            await stop.CancelAsync();
            Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
