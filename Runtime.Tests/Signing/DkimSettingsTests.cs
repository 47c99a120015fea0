using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Signing;

/// <summary>DKIM settings: bound from configuration, checked with a clear error (at start and at send), the key never shown.</summary>
public sealed class DkimSettingsTests
{
    public static TheoryData<string, Func<DkimSettings>, string> BadSettings => new()
    {
        { "both keys", () => Settings(s => s.PrivateKeyFile = "dkim.pem"), "either PrivateKeyPem or PrivateKeyFile, not both" },
        { "no key", () => Settings(s => s.PrivateKeyPem = null), "a private key is required" },
        { "no domain", () => Settings(s => s.Domain = " "), "Dkim:Domain is required" },
        { "no selector", () => Settings(s => s.Selector = null), "Dkim:Selector is required" },
        { "not PEM", () => Settings(s => s.PrivateKeyPem = "MIIEpAIBAAKCAQEA"), "holds no PEM private key" },
        { "missing file", () => Settings(s => { s.PrivateKeyPem = null; s.PrivateKeyFile = "/nonexistent/dkim.pem"; }), "'/nonexistent/dkim.pem' cannot be read" },
        { "public key", () => Settings(s => s.PrivateKeyPem = PublicKeyPem()), "holds a public key" },
        { "short key", () => Settings(s => s.PrivateKeyPem = DkimTestKey.NewRsa(768).PrivateKeyPem), "768-bit RSA key" },
        { "no From", () => Settings(s => s.SignedHeaders = new[] { "To", "Subject" }), "must contain From" },
        { "Bcc", () => Settings(s => s.SignedHeaders = new[] { "From", "Bcc" }), "must not contain Bcc" },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task BadSettings_FailTheSend_WithTheReason_AndNothingOnTheWire(string what, Func<DkimSettings> dkim, string reason)
    {
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        settings.Dkim = dkim();
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(settings, logger);
        using var message = LoopbackServers.Letter();

        var result = await sender.SendAsync(message);

        Assert.Equal(ErrorCodes.InvalidArgument, result.Code);
        Assert.Contains(reason, result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Sessions);
        Assert.True(what.Length > 0);
        var key = settings.Dkim.PrivateKeyPem;
        if (key is not null)
        {
            var body = KeyBody(key);
            Assert.DoesNotContain(body, result.ToString(), StringComparison.Ordinal);
            Assert.DoesNotContain(logger.Lines, l => l.Text.Contains(body, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void ToString_NamesDomainAndSelector_NeverTheKey()
    {
        var settings = DkimTestKey.Rsa.Settings();

        Assert.Equal($"DKIM d={DkimReceiver.Domain} s={DkimReceiver.Selector}", settings.ToString());
    }

    [Fact]
    public async Task TheKeyIsNeverLogged_WhenSigningAndSending()
    {
        await using var server = await LoopbackServers.StartAsync();
        var settings = LoopbackServers.Settings(server, SessionMode.NeverTls);
        settings.Dkim = DkimTestKey.Rsa.Settings();
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(settings, logger);
        using var message = LoopbackServers.Letter();

        Assert.True((await sender.SendAsync(message)).Succeeded);

        Assert.NotEmpty(logger.Lines);
        var body = KeyBody(DkimTestKey.Rsa.PrivateKeyPem);
        Assert.DoesNotContain(logger.Lines, l => l.Text.Contains(body, StringComparison.Ordinal) || l.Text.Contains("PRIVATE KEY", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BoundFromConfiguration_WithAKeyFile_TheSenderSigns()
    {
        var path = Path.Combine(Path.GetTempPath(), "typedmail-dkim-" + Guid.NewGuid().ToString("N") + ".pem");
        await File.WriteAllTextAsync(path, DkimTestKey.Rsa.PrivateKeyPem);
        try
        {
            await using var server = await LoopbackServers.StartAsync();
            await using var provider = Provider(new()
            {
                ["TypedMail:Host"] = server.Host,
                ["TypedMail:Port"] = server.Port.ToString(CultureInfo.InvariantCulture),
                ["TypedMail:Mode"] = "NeverTls",
                ["TypedMail:Dkim:Domain"] = DkimReceiver.Domain,
                ["TypedMail:Dkim:Selector"] = DkimReceiver.Selector,
                ["TypedMail:Dkim:PrivateKeyFile"] = path,
                ["TypedMail:Dkim:SignedHeaders:0"] = "From",
                ["TypedMail:Dkim:SignedHeaders:1"] = "Subject",
            });
            using var message = LoopbackServers.Letter();

            Assert.True((await provider.GetRequiredService<SmtpSender>().SendAsync(message)).Succeeded);

            var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
            Assert.True(DkimReceiver.VerifiesWithMimeKit(received.RawMime, DkimTestKey.Rsa.DnsRecord));
            var signature = received.Message.Headers.First(h => h.Id == MimeKit.HeaderId.DkimSignature).Value;
            Assert.Contains("h=From:Subject;", string.Concat(signature.Where(c => !char.IsWhiteSpace(c))), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task BadDkimSection_FailsOptionsValidation_WithEachReason()
    {
        await using var provider = Provider(new()
        {
            ["TypedMail:Host"] = "smtp.wkrp.com",
            ["TypedMail:Mode"] = "NeverTls",
            ["TypedMail:Dkim:Domain"] = DkimReceiver.Domain,
            ["TypedMail:Dkim:PrivateKeyPem"] = DkimTestKey.Rsa.PrivateKeyPem,
            ["TypedMail:Dkim:PrivateKeyFile"] = "dkim.pem",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Dkim:Selector is required", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("not both", StringComparison.Ordinal));
        Assert.DoesNotContain(KeyBody(DkimTestKey.Rsa.PrivateKeyPem), error.Message, StringComparison.Ordinal);
    }

    private static DkimSettings Settings(Action<DkimSettings> change)
    {
        var settings = DkimTestKey.Rsa.Settings();
        change(settings);
        return settings;
    }

    private static string PublicKeyPem()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        return rsa.ExportSubjectPublicKeyInfoPem();
    }

    /// <summary>A stretch of the key's Base64 body: what would show if the key leaked.</summary>
    private static string KeyBody(string pem) => pem.Split('\n').Select(l => l.Trim()).OrderByDescending(l => l.Length).First();

    private static ServiceProvider Provider(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();
    }
}
