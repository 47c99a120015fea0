using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using TypedMail.Runtime.Tests.Support;

namespace TypedMail.Runtime.Tests.DependencyInjection;

/// <summary>services.AddTypedMail(section): binding, validation with SmtpRules, and a working sender.</summary>
public sealed class AddTypedMailTests
{
    [Fact]
    public async Task ValidSection_BindsTheSettings_AndTheSenderSends()
    {
        await using var server = await LoopbackServers.StartAsync();
        await using var provider = Provider(new()
        {
            ["TypedMail:Host"] = server.Host,
            ["TypedMail:Port"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["TypedMail:Mode"] = "NeverTls",
            ["TypedMail:TimeoutSeconds"] = "20",
        });

        var settings = provider.GetRequiredService<IOptions<SmtpSettings>>().Value;
        Assert.Equal(SessionMode.NeverTls, settings.Mode);
        Assert.Equal(20, settings.TimeoutSeconds);
        using var message = LoopbackServers.Letter();
        var result = await provider.GetRequiredService<SmtpSender>().SendAsync(message);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Same(provider.GetRequiredService<SmtpSender>(), provider.GetRequiredService<SmtpSender>());
    }

    [Fact]
    public async Task RuleErrors_FailValidation_WithTheRuleIds()
    {
        await using var provider = Provider(new()
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Port"] = "25",
            ["TypedMail:Mode"] = "RequireStartTls",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.Contains(error.Failures, f => f.StartsWith(DiagnosticIds.StartTlsWithoutAuthentication));
        Assert.Contains(error.Failures, f => f.StartsWith(DiagnosticIds.StartTlsOnPort25));
        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task EnforceRules_BindsFromConfiguration_AndFalseTurnsRuleErrorsIntoNoValidationFailure()
    {
        var legacy = new Dictionary<string, string?>
        {
            ["TypedMail:Host"] = "smtp.example.com",
            ["TypedMail:Port"] = "25",
            ["TypedMail:UserName"] = "herb",
            ["TypedMail:Password"] = "Discounts!",
        };
        await using (var enforced = Provider(new(legacy)))
        {
            var error = Assert.Throws<OptionsValidationException>(() => enforced.GetRequiredService<IOptions<SmtpSettings>>().Value);
            Assert.Contains(error.Failures, f => f.StartsWith(DiagnosticIds.StartTlsOnPort25));
        }

        legacy["TypedMail:EnforceRules"] = "false";
        await using var relaxed = Provider(legacy);

        Assert.False(relaxed.GetRequiredService<IOptions<SmtpSettings>>().Value.EnforceRules);
        Assert.True(new SmtpSettings().EnforceRules);
    }

    [Fact]
    public async Task MissingHost_FailsValidation()
    {
        await using var provider = Provider(new() { ["TypedMail:Mode"] = "NeverTls" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SmtpSettings>>().Value);

        Assert.Contains(error.Failures, f => f.Contains("Host"));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        return new ServiceCollection().AddLogging().AddTypedMail(configuration.GetSection("TypedMail")).BuildServiceProvider();
    }
}
