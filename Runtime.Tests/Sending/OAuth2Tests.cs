using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>AuthMode.OAuth2 (beyond 4D) against the Mailbox, which accepts one valid bearer token per account.</summary>
public sealed class OAuth2Tests
{
    private const string FreshToken = "ya29.fresh-access-token";
    private const string ExpiredToken = "ya29.expired-access-token";

    private static Task<MailboxServer> StartAsync() =>
        LoopbackServers.StartAsync(MailboxSecurity.StartTls, configure: o => o.AccessTokens[LoopbackServers.User] = FreshToken);

    private static SmtpSettings OAuth2(MailboxServer server, Func<CancellationToken, Task<string>> tokens)
    {
        var settings = LoopbackServers.Settings(server, SessionMode.RequireStartTls, auth: AuthMode.OAuth2);
        settings.UserName = LoopbackServers.User;
        settings.AccessTokenProvider = tokens;
        return settings;
    }

    [Fact]
    public async Task AValidToken_SignsInWithOAuthBearer_AndSends()
    {
        await using var server = await StartAsync();
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(OAuth2(server, _ => Task.FromResult(FreshToken)));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.Equal("OAUTHBEARER", received.Session.AuthMechanism);
        Assert.Equal(LoopbackServers.User, received.AuthenticatedUser);
        Assert.True(received.Session.Secure);
    }

    [Fact]
    public async Task AnExpiredToken_Gives535_AndSendsNothing()
    {
        await using var server = await StartAsync();
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(OAuth2(server, _ => Task.FromResult(ExpiredToken)));

        Assert.Equal(535, result.Code);
        Assert.False(result.Delivered);
        Assert.Empty(server.Messages);
        Assert.All(server.Sessions, s => Assert.DoesNotContain("MAIL", s.Commands));
    }

    [Fact]
    public async Task TheTokenIsAskedForOnEveryNewConnection_SoTheNextSendGetsAFreshOne()
    {
        await using var server = await StartAsync();
        var asked = 0;
        await using var sender = new SmtpSender(OAuth2(server, _ => Task.FromResult(Interlocked.Increment(ref asked) == 1 ? ExpiredToken : FreshToken)));
        using var first = LoopbackServers.Letter();
        using var second = LoopbackServers.Letter();

        var refused = await sender.SendAsync(first);
        var sent = await sender.SendAsync(second);

        Assert.Equal(535, refused.Code);
        Assert.True(sent.Succeeded, sent.ToString());
        Assert.Equal(2, asked);
        Assert.Single(server.Messages);
    }

    [Fact]
    public async Task TheToken_IsNeverLogged()
    {
        await using var server = await StartAsync();
        var logger = new RecordingLogger();
        await using var sender = new SmtpSender(OAuth2(server, _ => Task.FromResult(FreshToken)), logger);
        using var message = LoopbackServers.Letter();

        var result = await sender.SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        Assert.NotEmpty(logger.Lines);
        Assert.DoesNotContain(logger.Lines, l => l.Contains("fresh-access-token", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFailingTokenProvider_IsAResultNamingIt_AndSendsNothing()
    {
        await using var server = await StartAsync();
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(OAuth2(server, _ => throw new InvalidOperationException("refresh token revoked")));

        Assert.Equal(ErrorCodes.UnexpectedError, result.Code);
        Assert.Contains("access token provider failed", result.ErrorText, StringComparison.Ordinal);
        Assert.Contains("refresh token revoked", result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task OAuth2WithoutATokenProvider_Gives12010_NotAnUnauthenticatedSend()
    {
        await using var server = await StartAsync();
        using var message = LoopbackServers.Letter();
        var settings = OAuth2(server, _ => Task.FromResult(FreshToken));
        settings.AccessTokenProvider = null;

        var result = await message.SendAsync(settings);

        Assert.Equal(ErrorCodes.InvalidArgument, result.Code);
        Assert.Contains("AccessTokenProvider", result.ErrorText, StringComparison.Ordinal);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task AServerWithoutOAuth2_Gives12003()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(OAuth2(server, _ => Task.FromResult(FreshToken)));

        Assert.Equal(ErrorCodes.AuthMechanismNotOffered, result.Code);
        Assert.Contains("neither OAUTHBEARER nor XOAUTH2", result.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task XOAuth2IsChosen_WhenTheServerOffersOnlyIt()
    {
        var (mechanism, code, _) = await AuthMechanisms.ChooseAsync(["LOGIN", "XOAUTH2"],
            new SmtpSettings { Auth = AuthMode.OAuth2, UserName = LoopbackServers.User, AccessTokenProvider = _ => Task.FromResult(FreshToken) }, default);

        Assert.Equal(ErrorCodes.NoError, code);
        Assert.Equal("XOAUTH2", mechanism!.MechanismName);
    }

    [Fact]
    public void ATokenProvider_CountsAsAuthenticationForTheRules()
    {
        var settings = new SmtpSettings { Host = "smtp.gmail.com", Mode = SessionMode.RequireStartTls, AccessTokenProvider = _ => Task.FromResult(FreshToken) };

        Assert.True(settings.HasCredentials);
        Assert.DoesNotContain(SmtpRules.Check(settings.Port, settings.Mode, settings.HasCredentials), v => v.Id == DiagnosticIds.StartTlsWithoutAuthentication);
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<string> Lines { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Lines)
            {
                Lines.Add(formatter(state, exception) + " " + state);
            }
        }
    }
}
