using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using TypedMail.Mailbox;

namespace TypedMail.Runtime.Tests.Mailbox;

/// <summary>The Mailbox accepts OAuth2 bearer tokens with both SASL mechanisms, as spoken by MailKit itself.</summary>
public sealed class MailboxBearerTokenTests
{
    private static async Task<(MailboxServer Server, SmtpClient Client)> ConnectAsync()
    {
        var options = new MailboxOptions();
        options.AccessTokens["ann@example.org"] = "valid-token";
        var server = await MailboxServer.StartAsync(options);
        var client = new SmtpClient();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None);
        return (server, client);
    }

    [Fact]
    public async Task Ehlo_OffersXOAuth2AndOAuthBearer()
    {
        var (server, client) = await ConnectAsync();
        await using (server)
        using (client)
        {
            Assert.Contains("XOAUTH2", client.AuthenticationMechanisms);
            Assert.Contains("OAUTHBEARER", client.AuthenticationMechanisms);
        }
    }

    [Theory]
    [InlineData("XOAUTH2")]
    [InlineData("OAUTHBEARER")]
    public async Task TheValidToken_Authenticates(string mechanism)
    {
        var (server, client) = await ConnectAsync();
        await using (server)
        using (client)
        {
            await client.AuthenticateAsync(Mechanism(mechanism, "valid-token"));

            Assert.True(client.IsAuthenticated);
        }
    }

    [Theory]
    [InlineData("XOAUTH2")]
    [InlineData("OAUTHBEARER")]
    public async Task AnotherToken_IsRefused(string mechanism)
    {
        var (server, client) = await ConnectAsync();
        await using (server)
        using (client)
        {
            await Assert.ThrowsAsync<AuthenticationException>(() => client.AuthenticateAsync(Mechanism(mechanism, "expired-token")));

            Assert.False(client.IsAuthenticated);
            Assert.Equal(1, server.Sessions[0].FailedAuthentications);
            Assert.Null(server.Sessions[0].AuthenticatedUser);
        }
    }

    private static SaslMechanism Mechanism(string name, string token) => name == "XOAUTH2"
        ? new SaslMechanismOAuth2("ann@example.org", token)
        : new SaslMechanismOAuthBearer("ann@example.org", token);
}
