using System;
using System.Net;
using System.Text;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using TypedMail.Mailbox;

namespace TypedMail.Runtime.Tests.Mailbox;

public sealed class MailboxAuthenticationTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AuthPlain_IsAccepted_AndTheUserIsKept()
    {
        await using var mailbox = await StartAsync(requireAuthentication: false);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.StartTls);

        await client.AuthenticateAsync(new SaslMechanismPlain(new NetworkCredential("alice", "secret")));
        await client.SendAsync(Letters.Make("Authenticated", "a@wkrp.com", "b@wkrp.com"));

        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.Equal("alice", received.AuthenticatedUser);
        Assert.Equal("PLAIN", received.Session.AuthMechanism);
        Assert.Equal(0, received.Session.FailedAuthentications);
    }

    [Fact]
    public async Task AuthLogin_IsAccepted_AndTheUserIsKept()
    {
        await using var mailbox = await StartAsync(requireAuthentication: false);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.StartTls);

        await client.AuthenticateAsync(new SaslMechanismLogin(new NetworkCredential("alice", "secret")));
        await client.SendAsync(Letters.Make("Authenticated", "a@wkrp.com", "b@wkrp.com"));

        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.Equal("alice", received.AuthenticatedUser);
        Assert.Equal("LOGIN", received.Session.AuthMechanism);
    }

    [Fact]
    public async Task AWrongPassword_Gets535()
    {
        await using var mailbox = await StartAsync(requireAuthentication: false);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.StartTls);

        await Assert.ThrowsAsync<AuthenticationException>(
            () => client.AuthenticateAsync(new SaslMechanismPlain(new NetworkCredential("alice", "wrong"))));

        Assert.Contains("S: 535", client.Transcript);
        var session = Assert.Single(mailbox.Sessions);
        Assert.Equal(1, session.FailedAuthentications);
        Assert.Null(session.AuthenticatedUser);
    }

    [Fact]
    public async Task RequiredAuthentication_RefusesAnUnauthenticatedMailFrom()
    {
        await using var mailbox = await StartAsync(requireAuthentication: true);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.StartTls);

        await Assert.ThrowsAsync<ServiceNotAuthenticatedException>(
            () => client.SendAsync(Letters.Make("Refused", "a@wkrp.com", "b@wkrp.com")));

        Assert.Contains("S: 530", client.Transcript);
        Assert.Empty(mailbox.Messages);
    }

    [Fact]
    public async Task RequiredAuthentication_AcceptsOnceAuthenticated()
    {
        await using var mailbox = await StartAsync(requireAuthentication: true);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.StartTls);

        await client.AuthenticateAsync(new NetworkCredential("alice", "secret"));
        await client.SendAsync(Letters.Make("Accepted", "a@wkrp.com", "b@wkrp.com"));

        Assert.Equal("alice", (await mailbox.WaitForMessageAsync(Patience)).AuthenticatedUser);
    }

    [Fact]
    public async Task PlainServer_OffersAuthInClearText()
    {
        var options = new MailboxOptions { Security = MailboxSecurity.None };
        options.Users["alice"] = "secret";
        await using var mailbox = await MailboxServer.StartAsync(options);
        using var client = MailboxClient.For(mailbox);
        await client.ConnectAsync(SecureSocketOptions.None);

        await client.AuthenticateAsync(new SaslMechanismLogin(new NetworkCredential("alice", "secret")));
        await client.SendAsync(Letters.Make("Clear", "a@wkrp.com", "b@wkrp.com"));

        var received = await mailbox.WaitForMessageAsync(Patience);
        Assert.False(received.Secure);
        Assert.Equal("alice", received.AuthenticatedUser);
    }

    [Fact]
    public async Task WithoutUsers_NoAuthIsOffered()
    {
        await using var mailbox = await MailboxServer.StartAsync(new MailboxOptions { Security = MailboxSecurity.StartTls });
        using var client = MailboxClient.For(mailbox);

        await client.ConnectAsync(SecureSocketOptions.StartTls);

        Assert.False(client.Capabilities.HasFlag(SmtpCapabilities.Authentication));
    }

    [Fact]
    public async Task WithoutUsers_AnUnofferedAuthIsRefused()
    {
        await using var mailbox = await MailboxServer.StartAsync();
        using var smtp = await SmtpConversation.OpenAsync(mailbox.Port);
        Assert.Equal(220, (await smtp.ReadReplyAsync()).Code);

        var ehlo = await smtp.SayAsync("EHLO client.test");
        var auth = await smtp.SayAsync("AUTH PLAIN " + Convert.ToBase64String(Encoding.ASCII.GetBytes("\0alice\0secret")));

        Assert.Equal(250, ehlo.Code);
        Assert.DoesNotContain(ehlo.Lines, line => line.StartsWith("AUTH", StringComparison.Ordinal));
        Assert.Equal(502, auth.Code);
        Assert.Null(Assert.Single(mailbox.Sessions).AuthenticatedUser);
    }

    private static Task<MailboxServer> StartAsync(bool requireAuthentication)
    {
        var options = new MailboxOptions { Security = MailboxSecurity.StartTls, RequireAuthentication = requireAuthentication };
        options.Users["alice"] = "secret";
        return MailboxServer.StartAsync(options);
    }
}
