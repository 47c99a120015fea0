using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace TypedMail.Runtime.Tests.DependencyInjection;

/// <summary>
/// The start-up validation messages: one per real problem, each naming the configuration key under the section the
/// settings were bound from, what to do (user-secrets or the environment variable) and the documentation page.
/// </summary>
public sealed class StartupValidationMessageTests
{
    private const string Docs = "https://github.com/typedmail/typedmail/blob/main/docs/";

    [Fact]
    public async Task UserNameWithoutPassword_IsOneMessage_NamingThePasswordKey_TheSecretsLine_AndTheVariable()
    {
        var failures = await FailuresAsync("TypedMail", new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Mode"] = "RequireStartTls",
            ["TypedMail:Auth"] = "Login",
            ["TypedMail:UserName"] = "shop@example.com",
        });

        var failure = Assert.Single(failures);
        Assert.Contains("TypedMail:Password is missing while TypedMail:UserName is set", failure);
        Assert.Contains("12015", failure);
        Assert.Contains("dotnet user-secrets set \"TypedMail:Password\" \"…\"", failure);
        Assert.Contains("TypedMail__Password", failure);
        Assert.EndsWith(Docs + "send-results.md", failure);
    }

    [Fact]
    public async Task PasswordWithoutUserName_NamesTheUserNameKey()
    {
        var failures = await FailuresAsync("TypedMail", new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Port"] = "587",
            ["TypedMail:Password"] = "secret",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith("TypedMail:UserName is missing while TypedMail:Password is set", failure);
        Assert.Contains("TypedMail__UserName", failure);
    }

    [Fact]
    public async Task StartTlsOnPort25_NamesThePortKey_TheFix_AndTheDiagnosticPage_WithoutAStrayPeriod()
    {
        var failures = await FailuresAsync("TypedMail", new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Port"] = "25",
            ["TypedMail:Mode"] = "RequireStartTls",
            ["TypedMail:UserName"] = "shop@example.com",
            ["TypedMail:Password"] = "secret",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith(DiagnosticIds.StartTlsOnPort25 + ":", failure);
        Assert.Contains("set TypedMail:Port to 587", failure);
        Assert.EndsWith(Docs + "diagnostics/TM0002.md", failure);
        Assert.DoesNotContain(".;", failure);
        Assert.DoesNotContain("..", failure.Replace(Docs, string.Empty, System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartTlsWithoutCredentials_NamesBothCredentialKeys()
    {
        var failures = await FailuresAsync("TypedMail", new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Mode"] = "RequireStartTls",
        });

        var failure = Assert.Single(failures);
        Assert.StartsWith(DiagnosticIds.StartTlsWithoutAuthentication + ":", failure);
        Assert.Contains("TypedMail:UserName and TypedMail:Password", failure);
        Assert.Contains("dotnet user-secrets set \"TypedMail:Password\"", failure);
        Assert.EndsWith(Docs + "diagnostics/TM0001.md", failure);
    }

    [Fact]
    public async Task OutOfRangeValues_NameTheirOwnKeys()
    {
        var failures = await FailuresAsync("TypedMail", new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Mode"] = "NeverTls",
            ["TypedMail:Port"] = "70000",
            ["TypedMail:TimeoutSeconds"] = "500",
            ["TypedMail:MaxConnections"] = "0",
            ["TypedMail:IdleCheckSeconds"] = "-1",
        });

        Assert.Equal(4, failures.Count);
        Assert.Contains(failures, f => f.Contains("set TypedMail:Port within 1..65535", System.StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("set TypedMail:TimeoutSeconds within 1..127", System.StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TypedMail:MaxConnections must be at least 1", System.StringComparison.Ordinal) && f.Contains("TypedMail__MaxConnections", System.StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("TypedMail:IdleCheckSeconds cannot be negative", System.StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingHost_NamesTheHostKey_AndTheVariable()
    {
        var failures = await FailuresAsync("TypedMail", new() { ["TypedMail:Mode"] = "NeverTls" });

        var failure = Assert.Single(failures);
        Assert.StartsWith("TypedMail:Host is missing", failure);
        Assert.Contains("TypedMail__Host", failure);
    }

    [Fact]
    public async Task KeysFollowTheSectionTheSettingsWereBoundFrom_AndANamedSenderIsJudgedOnce()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mail:Marketing:Host"] = "smtp.example.com",
            ["Mail:Marketing:Port"] = "587",
            ["Mail:Marketing:UserName"] = "news@example.com",
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Mode"] = "NeverTls",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging()
            .AddTypedMail(configuration.GetSection("TypedMail"))
            .AddTypedMail("marketing", configuration.GetSection("Mail:Marketing"))
            .BuildServiceProvider();

        Assert.Equal("smtp.example.com", provider.GetRequiredService<IOptions<SmtpSettings>>().Value.Host);
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<SmtpSettings>>().Get("marketing"));

        var failure = Assert.Single(error.Failures);
        Assert.StartsWith("Mail:Marketing:Password is missing", failure);
        Assert.Contains("dotnet user-secrets set \"Mail:Marketing:Password\"", failure);
        Assert.Contains("Mail__Marketing__Password", failure);
    }

    private static async Task<IReadOnlyList<string>> FailuresAsync(string section, Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        await using var provider = new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection(section)).BuildServiceProvider();
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);
        return [.. error.Failures];
    }
}
