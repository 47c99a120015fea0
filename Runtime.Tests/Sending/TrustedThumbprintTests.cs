using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedMail.Mailbox;
using TypedMail.Mailbox.Tool;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>
/// TrustedCertificateThumbprint: trust in a self-signed development certificate, bound from configuration, over a real
/// STARTTLS connection to the Mailbox server; any other certificate stays untrusted (12001).
/// </summary>
public sealed class TrustedThumbprintTests
{
    [Fact]
    public async Task ThumbprintFromConfiguration_TrustsTheMailboxCertificate_OverStartTls()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        // The form typedmail-mailbox prints: colons and lower case are accepted too.
        var thumbprint = string.Join(":", Convert.ToHexString(SHA256.HashData(server.Certificate.RawData)).ToLowerInvariant().Chunk(2).Select(c => new string(c)));

        var result = await SendThroughConfigurationAsync(server, thumbprint);

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.True(received.StartTlsIssued);
        Assert.True(received.Secure);
    }

    [Fact]
    public async Task TheSnippetTheToolPrints_OverTheReadmeSettings_SendsOverStartTls_OnTheFirstTry()
    {
        using var stop = new CancellationTokenSource();
        var output = new StringWriter();
        var started = new TaskCompletionSource<MailboxToolStarted>();
        var run = MailboxTool.RunAsync(["--smtp-port", "0", "--http-port", "0"], output, TextWriter.Null, stop.Token, started.SetResult);
        try
        {
            var tool = await started.Task.WaitAsync(TimeSpan.FromSeconds(30));
            var printed = output.ToString();
            var snippet = printed[printed.IndexOf("\n{", StringComparison.Ordinal)..(printed.LastIndexOf('}') + 1)];
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?>
                {
                    // The README's appsettings.json, production settings: strict.
                    ["TypedMail:Host"] = "smtp.example.org",
                    ["TypedMail:Port"] = "587",
                    ["TypedMail:Mode"] = "RequireStartTls",
                    ["TypedMail:Auth"] = "Login",
                    ["TypedMail:UserName"] = "shop@example.org",
                })
                .AddInMemoryCollection(Flatten(snippet))
                .Build();
            await using var provider = new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();
            using var message = LoopbackServers.Letter();

            var result = await provider.GetRequiredService<ISmtpSender>().SendAsync(message);

            Assert.True(result.Succeeded, result + "\n" + snippet);
            var received = await tool.Servers[0].WaitForMessageAsync(LoopbackServers.Patience);
            Assert.True(received.Secure);
        }
        finally
        {
            await stop.CancelAsync();
            await run.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }

    /// <summary>appsettings.json's nesting as configuration keys ("TypedMail:Port"), as the JSON provider reads it.</summary>
    private static Dictionary<string, string?> Flatten(string json)
    {
        var values = new Dictionary<string, string?>();
        using var document = JsonDocument.Parse(json);
        foreach (var section in document.RootElement.EnumerateObject())
        {
            foreach (var setting in section.Value.EnumerateObject())
            {
                values[section.Name + ":" + setting.Name] = setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
            }
        }

        return values;
    }

    [Fact]
    public async Task AnotherThumbprint_FailsTheHandshakeWith12001()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        var wrong = Convert.ToHexString(SHA256.HashData([1, 2, 3]));

        var result = await SendThroughConfigurationAsync(server, wrong);

        Assert.Equal(ErrorCodes.TlsHandshakeFailed, result.Code);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task AMalformedThumbprint_StopsTheStart_NamingItsKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TypedMail:Host"] = "127.0.0.1",
            ["TypedMail:Mode"] = "NeverTls",
            ["TypedMail:TrustedCertificateThumbprint"] = "AB:CD",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.StartsWith("TypedMail:TrustedCertificateThumbprint is not a SHA-256 thumbprint", Assert.Single(error.Failures));
    }

    private static async Task<SendResult> SendThroughConfigurationAsync(MailboxServer server, string thumbprint)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TypedMail:Host"] = server.Host,
            ["TypedMail:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
            ["TypedMail:Mode"] = "Upgradable",
            ["TypedMail:TimeoutSeconds"] = "20",
            ["TypedMail:TrustedCertificateThumbprint"] = thumbprint,
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();
        using var message = LoopbackServers.Letter();
        return await provider.GetRequiredService<ISmtpSender>().SendAsync(message);
    }
}
