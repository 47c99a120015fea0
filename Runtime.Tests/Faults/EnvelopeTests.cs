using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedMail.Runtime.Tests.Support;
using TypedMail.Runtime.Tests.Support.Scripted;

namespace TypedMail.Runtime.Tests.Faults;

/// <summary>SMTPUTF8 for non-ASCII envelope addresses (RFC 6531), and credentials given both or neither (12015).</summary>
public sealed class EnvelopeTests
{
    [Fact]
    public async Task NonAsciiAddress_GoesOutIntact_UnderSmtpUtf8_WhenTheServerOffersIt()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { OfferSmtpUtf8 = true });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("jörg@example.com");

        var result = await sender.SendAsync(message);

        Assert.Equal(0, result.Code);
        var stored = Assert.Single(server.Received);
        Assert.Equal(new[] { "jörg@example.com" }, stored.Recipients);
        Assert.Contains("SMTPUTF8", stored.MailCommand);
        Assert.Contains("jörg@example.com", stored.Data);
    }

    [Fact]
    public async Task NonAsciiAddress_Is12012_BeforeMailFrom_WhenTheServerDoesNotOfferSmtpUtf8()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { OfferSmtpUtf8 = false });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("jörg@example.com");
        using var ascii = LoopbackServers.Letter("andy@wkrp.com");

        var result = await sender.SendAsync(message);
        var next = await sender.SendAsync(ascii);

        Assert.Equal(ErrorCodes.ExtensionNotOffered, result.Code);
        Assert.Equal(0, next.Code);
        var commands = server.Connections.Single().Commands;
        Assert.Single(commands, c => c.StartsWith("MAIL", System.StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains('ö'));
    }

    [Fact]
    public async Task NonAsciiDomainOnly_GoesOutAsItsALabel_WithoutSmtpUtf8()
    {
        await using var server = ScriptedSmtpServer.Start(new ScriptedServerOptions { OfferSmtpUtf8 = false });
        await using var sender = new SmtpSender(server.Settings(SessionMode.NeverTls));
        using var message = LoopbackServers.Letter("maria@exemplo-ção.br");

        var result = await sender.SendAsync(message);

        Assert.Equal(0, result.Code);
        Assert.Equal(new[] { "maria@xn--exemplo-o-s2a7b.br" }, Assert.Single(server.Received).Recipients);
    }

    [Theory]
    [InlineData("herb", null)]
    [InlineData(null, "Discounts!")]
    public async Task HalfCredentials_Are12015_BeforeConnecting(string? user, string? password)
    {
        await using var server = ScriptedSmtpServer.Start();
        var settings = server.Settings(SessionMode.RequireStartTls);
        settings.UserName = user;
        settings.Password = password;
        await using var sender = new SmtpSender(settings);
        using var message = LoopbackServers.Letter();

        var result = await sender.SendAsync(message);

        Assert.Equal(ErrorCodes.IncompleteCredentials, result.Code);
        Assert.Empty(server.Connections);
    }

    [Fact]
    public void HalfCredentials_FailDiOptionsValidation()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Mode"] = "RequireStartTls",
            ["TypedMail:UserName"] = "herb",
        }).Build();
        using var provider = new ServiceCollection().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("12015"));
    }

    [Fact]
    public void QuickSend_WithAUserAndNoPassword_Is12015()
    {
        Assert.Equal(ErrorCodes.IncompleteCredentials,
            InternetCommands.SMTP_QuickSend("127.0.0.1", "herb_tarlick@wkrp.com", "andy@wkrp.com", "s", "b", 0, 1, "herb", ""));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("someone", "")]
    [InlineData("", "secret")]
    public async Task SmtpAuth_WithAnEmptyUserOrPassword_ChangesNothing(string user, string password)
    {
        await using var server = ScriptedSmtpServer.Start();
        using var message = LoopbackServers.Letter();
        message.Host = server.Host;
        message.Port = server.Port;
        message.SetAuth(server.Options.User, server.Options.Password, AuthMode.Login);

        message.SetAuth(user, password, AuthMode.Plain);

        var settings = message.ToSettings(SessionMode.RequireStartTls);
        settings.AcceptedServerCertificate = ScriptedSmtpServer.Certificate;
        var result = await message.SendAsync(settings);
        Assert.Equal(0, result.Code);
        Assert.Equal(("LOGIN", true), server.Connections.Single().Authentications.Single());
    }
}
