using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using TypedMail.Mailbox;

namespace TypedMail.Runtime.Tests.Mailbox;

public sealed class MailboxTlsTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task StartTls_IsOfferedAndUsed()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.StartTls });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.StartTls);
        await client.SendAsync(Letters.Make("Over STARTTLS", "a@wkrp.com", "b@wkrp.com"));

        Assert.True(client.IsSecure);
        Assert.True(client.CertificateChecks > 0);
        Assert.Contains("C: STARTTLS", client.Transcript);
        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.True(received.Secure);
        Assert.True(received.StartTlsIssued);
        Assert.True(received.Session.StartTlsIssued);
    }

    [Fact]
    public async Task StartTls_IsOffered_ButAClientMayStayInPlainText()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.StartTls });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.None);
        await client.SendAsync(Letters.Make("Plain", "a@wkrp.com", "b@wkrp.com"));

        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.False(received.Secure);
        Assert.False(received.StartTlsIssued);
    }

    [Fact]
    public async Task PlainServer_DoesNotOfferStartTls()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.None });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.None);

        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.StartTLS));
        Assert.False(client.IsSecure);
    }

    [Fact]
    public async Task ImplicitTls_IsSecureFromTheFirstByte()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.ImplicitTls });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.SslOnConnect);
        await client.SendAsync(Letters.Make("Over TLS", "a@wkrp.com", "b@wkrp.com"));

        Assert.True(client.IsSecure);
        Assert.True(client.CertificateChecks > 0);
        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.True(received.Secure);
        Assert.False(received.StartTlsIssued);
    }

    [Fact]
    public async Task NoAuthIsOfferedBeforeStartTls_WhenUnsecureAuthenticationIsOff()
    {
        var options = new MailboxOptions { Security = MailboxSecurity.StartTls, AllowUnsecureAuthentication = false };
        options.Users["alice"] = "secret";
        await using var mailbox = await MailboxServer.StartAsync(options);

        using (var plain = MailboxClient.For(mailbox))
        {
            await plain.ConnectAsync(SecureSocketOptions.None);
            Assert.False(plain.Capabilities.HasFlag(SmtpCapabilities.Authentication));
            Assert.Empty(plain.AuthenticationMechanisms);
        }

        using var upgraded = MailboxClient.For(mailbox);
        await upgraded.ConnectAsync(SecureSocketOptions.StartTls);
        Assert.Contains("PLAIN", upgraded.AuthenticationMechanisms);
        Assert.Contains("LOGIN", upgraded.AuthenticationMechanisms);
    }

    [Fact]
    public async Task AuthIsOfferedBeforeStartTls_WhenUnsecureAuthenticationIsOn()
    {
        var options = new MailboxOptions { Security = MailboxSecurity.StartTls, AllowUnsecureAuthentication = true };
        options.Users["alice"] = "secret";
        await using var mailbox = await MailboxServer.StartAsync(options);
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.None);

        Assert.Contains("PLAIN", client.AuthenticationMechanisms);
        Assert.Contains("LOGIN", client.AuthenticationMechanisms);
    }

    [Fact]
    public async Task AGivenCertificate_IsTheOneServed()
    {
        using var certificate = MakeCertificate();
        await using var mailbox = await MailboxServer.StartAsync(
            new MailboxOptions { Security = MailboxSecurity.ImplicitTls, Certificate = certificate });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.SslOnConnect);

        Assert.Same(certificate, mailbox.Certificate);
        Assert.True(client.CertificateChecks > 0);
    }

    [Fact]
    public async Task AClientThatDoesNotTrustTheCertificate_CannotConnect()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.ImplicitTls });
        using var client = new SmtpClient { Timeout = 10_000 };

        await Assert.ThrowsAsync<SslHandshakeException>(
            () => client.ConnectAsync(mailbox.Host, mailbox.Port, SecureSocketOptions.SslOnConnect));
    }

    private static X509Certificate2 MakeCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=given.typedmail.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(7));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }
}
