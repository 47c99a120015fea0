using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>SMTP_Auth modes against the Mailbox (which offers PLAIN and LOGIN).</summary>
public sealed class AuthenticationTests
{
    [Theory]
    [InlineData(AuthMode.Default, "LOGIN")]
    [InlineData(AuthMode.Plain, "PLAIN")]
    [InlineData(AuthMode.Login, "LOGIN")]
    public async Task Mode_UsesThe4DChoiceOfMechanism(AuthMode mode, string mechanism)
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls, withCredentials: true, auth: mode));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal(mechanism, received.Session.AuthMechanism);
        Assert.Equal(LoopbackServers.User, received.AuthenticatedUser);
    }

    [Fact]
    public async Task ForcedCramMd5_NotOffered_Gives12003_NeverFallsBack_AndSendsNothing()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls, withCredentials: true, auth: AuthMode.CramMd5));

        Assert.Equal(ErrorCodes.AuthMechanismNotOffered, result.Code);
        Assert.Contains("CRAM-MD5", result.ErrorText);
        Assert.Empty(server.Messages);
        Assert.All(server.Sessions, s => Assert.DoesNotContain(s.Commands, c => c is "AUTH" or "MAIL"));
    }

    [Fact]
    public async Task WrongPassword_Gives535_AndSendsNothing()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls, withCredentials: true, password: "wrong"));

        Assert.Equal(535, result.Code);
        Assert.Equal(535, result.SmtpStatus);
        Assert.False(result.Delivered);
        Assert.Empty(server.Messages);
        Assert.All(server.Sessions, s => Assert.DoesNotContain("MAIL", s.Commands));
    }

    [Fact]
    public async Task NoCredentials_NoAuth()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.DoesNotContain("AUTH", received.Session.Commands);
        Assert.Null(received.AuthenticatedUser);
    }

    [Fact]
    public async Task EmptyPassword_MeansNoAuthentication_As4D()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None, withUser: true);
        using var message = LoopbackServers.LetterFor(server);
        message.SetAuth(LoopbackServers.User, "", AuthMode.Login);

        var result = await message.SendAsync(SessionMode.NeverTls);

        Assert.True(result.Succeeded, result.ToString());
        Assert.False(message.HasCredentials);
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.DoesNotContain("AUTH", received.Session.Commands);
    }

    [Fact]
    public async Task CredentialsOnTheMessage_AreUsed()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None, withUser: true);
        using var message = LoopbackServers.LetterFor(server);
        message.SetAuth(LoopbackServers.User, LoopbackServers.Password, AuthMode.Plain);

        var result = await message.SendAsync(SessionMode.NeverTls);

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal("PLAIN", received.Session.AuthMechanism);
    }

    [Fact]
    public async Task CredentialsWithMode2_AgainstAServerOfferingAuthOnlyAfterStartTls_Gives12009()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls, withCredentials: true));

        Assert.Equal(ErrorCodes.AuthenticationNotOffered, result.Code);
        Assert.Empty(server.Messages);
    }
}
