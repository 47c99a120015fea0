using System;
using System.Linq;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading.Tasks;
using MimeKit;
using TypedMail.Mailbox.Tests.Support;
using TypedMail.Mailbox.Web;

namespace TypedMail.Mailbox.Tests.Web;

/// <summary>
/// The DKIM tab: a message the runtime signed (its DkimSettings) verifies "pass" with MimeKit's verifier against the
/// record given to the inbox; the same message with its Subject changed in transit "fail"; an unknown key "no-key".
/// </summary>
public sealed class DkimTabTests : IClassFixture<ChromiumFixture>
{
    private const string Domain = "wkrp.example";
    private const string Selector = "studio";
    private const string RecordName = Selector + "._domainkey." + Domain;

    private static readonly Lazy<(string PrivateKeyPem, string Record)> Key = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return (rsa.ExportRSAPrivateKeyPem(), "v=DKIM1; k=rsa; p=" + Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo()));
    });

    private readonly ChromiumFixture _chromium;

    public DkimTabTests(ChromiumFixture chromium) => _chromium = chromium;

    [Fact]
    public async Task A_message_the_runtime_signed_passes_and_the_same_with_its_subject_changed_fails()
    {
        await using var running = await RunningInbox.StartAsync(WithRecord());
        await SendSignedAsync(running.Server, SampleMessages.Text());
        var signed = running.Server.Messages[0];
        using (var stream = new System.IO.MemoryStream(signed.RawMime))
        {
            var tampered = await MimeMessage.LoadAsync(stream);
            tampered.Subject = "Text only: the weekly ratings, changed in transit";
            await SmtpDelivery.SendAsync(running.Server, [tampered]);
        }

        var pass = Assert.Single((await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/dkim")).GetProperty("signatures").EnumerateArray());
        var fail = Assert.Single((await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/2/dkim")).GetProperty("signatures").EnumerateArray());

        Assert.Equal("pass", pass.GetProperty("result").GetString());
        Assert.Equal(Domain, pass.GetProperty("domain").GetString());
        Assert.Equal(Selector, pass.GetProperty("selector").GetString());
        Assert.Equal("rsa-sha256", pass.GetProperty("algorithm").GetString());
        Assert.Contains("subject", pass.GetProperty("signedHeaders").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("fail", fail.GetProperty("result").GetString());
    }

    [Fact]
    public async Task A_signature_whose_record_was_not_given_is_no_key_and_names_the_record_and_the_option()
    {
        await using var running = await RunningInbox.StartAsync();
        await SendSignedAsync(running.Server, SampleMessages.Text());

        var signature = Assert.Single((await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/dkim")).GetProperty("signatures").EnumerateArray());

        Assert.Equal("no-key", signature.GetProperty("result").GetString());
        Assert.StartsWith($"No DNS record for {RecordName} was given: start the inbox with --dkim-record {RecordName}=FILE", signature.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsigned_message_has_no_signature()
    {
        await using var running = await RunningInbox.StartAsync(WithRecord());
        await SmtpDelivery.SendAsync(running.Server, [SampleMessages.Text()]);

        var found = await running.Http.GetFromJsonAsync<JsonElement>("/api/messages/1/dkim");

        Assert.Empty(found.GetProperty("signatures").EnumerateArray());
    }

    [Fact]
    public async Task The_DKIM_tab_shows_pass_for_the_signed_message_and_fail_for_the_tampered_one()
    {
        await using var running = await RunningInbox.StartAsync(WithRecord());
        await SendSignedAsync(running.Server, SampleMessages.Newsletter());
        using (var stream = new System.IO.MemoryStream(running.Server.Messages[0].RawMime))
        {
            var tampered = await MimeMessage.LoadAsync(stream);
            tampered.Subject = "Newsletter: changed";
            await SmtpDelivery.SendAsync(running.Server, [tampered]);
        }

        var page = await _chromium.Browser.NewPageAsync();
        await page.NavigateAsync(running.Url("/messages/2#dkim"));
        await page.WaitUntilAsync("document.body.dataset.dkim === 'loaded'", "the DKIM result");
        Assert.Equal("fail", (await page.EvaluateAsync("document.querySelector('.dkim-signature').dataset.result")).GetString());

        await page.NavigateAsync(running.Url("/messages/1#dkim"));
        await page.WaitUntilAsync("document.body.dataset.dkim === 'loaded'", "the DKIM result");
        Assert.Equal("pass", (await page.EvaluateAsync("document.querySelector('.dkim-signature').dataset.result")).GetString());
        Assert.Equal("DKIM pass", (await page.EvaluateAsync("document.querySelector('button[data-tab=dkim]').textContent")).GetString());
        await page.ScreenshotAsync(Screenshots.PathOf("message-dkim.png"));
    }

    [Fact]
    public async Task The_tool_reads_a_record_from_a_file_or_inline_and_names_a_bad_one()
    {
        var file = System.IO.Path.GetTempFileName();
        try
        {
            await System.IO.File.WriteAllTextAsync(file, Key.Value.Record + "\n");
            var fromFile = Mailbox.Tool.ToolOptions.Parse(["--dkim-record", $"{RecordName}={file}"]);
            var inline = Mailbox.Tool.ToolOptions.Parse(["--dkim-record", $"{RecordName}={Key.Value.Record}"]);

            Assert.Equal(Key.Value.Record, fromFile.DkimRecords[RecordName]);
            Assert.Equal(Key.Value.Record, inline.DkimRecords[RecordName]);
            var noName = Assert.Throws<ArgumentException>(() => Mailbox.Tool.ToolOptions.Parse(["--dkim-record", file]));
            Assert.StartsWith("--dkim-record", noName.Message, StringComparison.Ordinal);
            var missing = Assert.Throws<ArgumentException>(() => Mailbox.Tool.ToolOptions.Parse(["--dkim-record", $"{RecordName}=/nowhere/key.txt"]));
            Assert.Equal($"--dkim-record {RecordName}: '/nowhere/key.txt' is neither a file nor a DKIM record's text (\"v=DKIM1; k=rsa; p=...\").", missing.Message);
        }
        finally
        {
            System.IO.File.Delete(file);
        }
    }

    private static WebInboxOptions WithRecord()
    {
        var options = new WebInboxOptions();
        options.DkimRecords[RecordName] = Key.Value.Record;
        return options;
    }

    // Signed by TypedMail's runtime, as an application would sign it.
    private static async Task SendSignedAsync(MailboxServer server, MimeMessage message)
    {
        var settings = new SmtpSettings
        {
            Host = server.Host,
            Port = server.Port,
            Mode = SessionMode.RequireStartTls,
            UserName = SmtpDelivery.User,
            Password = SmtpDelivery.Password,
            AcceptedServerCertificate = server.Certificate,
            Dkim = new DkimSettings { Domain = Domain, Selector = Selector, PrivateKeyPem = Key.Value.PrivateKeyPem },
        };
        await using var sender = new SmtpSender(settings);
        var result = await sender.SendAsync(message);
        Assert.True(result.Succeeded, result.ToString());
    }
}
