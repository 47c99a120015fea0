using System;
using System.Threading.Tasks;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.Sending;

/// <summary>One smtp4dev for the CRAM-MD5 tests (the Mailbox offers only PLAIN and LOGIN).</summary>
public sealed class Smtp4devFixture : IAsyncLifetime
{
    public const string User = "herb";
    public const string Password = "Turkeys-Away";

    public Smtp4devServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await Smtp4devServer.StartAsync(User, Password);

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}

/// <summary>CRAM-MD5 against smtp4dev: 4D's mode 0 ranks it first; forced mode 3 uses it; a wrong password gives 535.</summary>
public sealed class CramMd5Tests(Smtp4devFixture fixture) : IClassFixture<Smtp4devFixture>
{
    [Theory]
    [InlineData(AuthMode.Default, "AUTH CRAM-MD5")]
    [InlineData(AuthMode.CramMd5, "AUTH CRAM-MD5")]
    [InlineData(AuthMode.Login, "AUTH LOGIN")]
    public async Task Mechanism_OnTheWire(AuthMode mode, string command)
    {
        var from = $"herb.{Guid.NewGuid():N}@wkrp.com";
        using var message = Letter(from);

        var result = await message.SendAsync(Settings(mode, Smtp4devFixture.Password));

        Assert.True(result.Succeeded, result.ToString());
        var log = await fixture.Server.SessionLogContainingAsync(from);
        Assert.Contains(command, log);
    }

    [Fact]
    public async Task WrongPasswordWithCramMd5_Gives535()
    {
        using var message = Letter($"herb.{Guid.NewGuid():N}@wkrp.com");

        var result = await message.SendAsync(Settings(AuthMode.CramMd5, "wrong"));

        Assert.Equal(535, result.Code);
        Assert.False(result.Delivered);
    }

    private SmtpSettings Settings(AuthMode mode, string password) => new()
    {
        Host = "127.0.0.1",
        Port = fixture.Server.SmtpPort,
        Mode = SessionMode.NeverTls,
        Auth = mode,
        UserName = Smtp4devFixture.User,
        Password = password,
        TimeoutSeconds = 30,
    };

    private static SmtpMessage Letter(string from)
    {
        var message = new SmtpMessage();
        message.SetFrom(from);
        message.SetTo("bigguy@wkrp.com");
        message.SetSubject("CRAM-MD5");
        message.SetBody("Sent with CRAM-MD5.");
        return message;
    }
}
