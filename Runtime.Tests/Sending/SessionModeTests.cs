using System.Linq;
using System.Threading.Tasks;
using TypedMail.Mailbox;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>Session modes 0..3 and what happened on the wire, as the Mailbox saw it.</summary>
public sealed class SessionModeTests
{
    [Fact]
    public async Task Mode0_UpgradesWithStartTls_WhenTheServerOffersIt()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.Upgradable));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.True(received.StartTlsIssued);
        Assert.True(received.Secure);
    }

    [Fact]
    public async Task Mode0_GoesOnInPlainText_WhenStartTlsIsNotOffered()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.Upgradable));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.False(received.StartTlsIssued);
        Assert.False(received.Secure);
    }

    [Fact]
    public async Task Mode1_SpeaksTlsFromTheFirstByte()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.ImplicitTls);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.ImplicitTls));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.True(received.Secure);
        Assert.False(received.StartTlsIssued);
    }

    [Fact]
    public async Task Mode2_NeverSendsStartTls_EvenWhenOffered()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.NeverTls));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.False(received.StartTlsIssued);
        Assert.False(received.Secure);
        Assert.DoesNotContain("STARTTLS", received.Session.Commands);
    }

    [Fact]
    public async Task Mode3_FailsWith12002_WhenStartTlsIsNotOffered_AndSendsNothing()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls, withCredentials: true));

        Assert.Equal(ErrorCodes.StartTlsNotOffered, result.Code);
        Assert.False(result.Delivered);
        Assert.Contains("STARTTLS", result.ErrorText);
        Assert.Empty(server.Messages);
        Assert.All(server.Sessions, s => Assert.DoesNotContain(s.Commands, c => c is "AUTH" or "MAIL" or "DATA"));
    }

    [Fact]
    public async Task Mode3_UpgradesThenAuthenticates_WhenStartTlsIsOffered()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls, withUser: true);
        using var message = LoopbackServers.Letter();

        var result = await message.SendAsync(LoopbackServers.Settings(server, SessionMode.RequireStartTls, withCredentials: true));

        Assert.True(result.Succeeded, result.ToString());
        var received = await server.WaitForMessageAsync(LoopbackServers.Patience);
        Assert.True(received.StartTlsIssued);
        Assert.True(received.Secure);
        Assert.Equal(LoopbackServers.User, received.AuthenticatedUser);
        var commands = received.Session.Commands.ToList();
        Assert.True(commands.IndexOf("STARTTLS") < commands.IndexOf("AUTH"), string.Join(" ", commands));
    }

    [Fact]
    public async Task UntrustedCertificate_FailsTheHandshakeWith12001_ValidationStaysOn()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.StartTls);
        using var message = LoopbackServers.Letter();
        var settings = LoopbackServers.Settings(server, SessionMode.Upgradable);
        settings.AcceptedServerCertificate = null;

        var result = await message.SendAsync(settings);

        Assert.Equal(ErrorCodes.TlsHandshakeFailed, result.Code);
        Assert.Empty(server.Messages);
    }

    [Fact]
    public async Task ImplicitTlsAgainstAPlainServer_FailsTheHandshake()
    {
        await using var server = await LoopbackServers.StartAsync(MailboxSecurity.None);
        using var message = LoopbackServers.Letter();
        var settings = LoopbackServers.Settings(server, SessionMode.ImplicitTls);
        settings.TimeoutSeconds = 5;

        var result = await message.SendAsync(settings);

        Assert.False(result.Delivered);
        Assert.True(result.Code == ErrorCodes.TlsHandshakeFailed || result.Code < 0, result.ToString());
        Assert.Empty(server.Messages);
    }
}
