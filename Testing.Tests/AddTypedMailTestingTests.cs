using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TypedMail.Testing.Tests;

/// <summary>services.AddTypedMailTesting() swaps the application's sender for the recording one.</summary>
public sealed class AddTypedMailTestingTests
{
    private static ServiceProvider Build(bool testing)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["TypedMail:Host"] = "127.0.0.1", ["TypedMail:Port"] = "9" })
            .Build();
        var services = new ServiceCollection().AddTypedMail(configuration.GetSection("TypedMail"));
        if (testing)
        {
            services.AddTypedMailTesting();
        }

        return services.BuildServiceProvider();
    }

    [Fact]
    public void AddTypedMail_ResolvesTheInterfaceToTheRealSender()
    {
        using var provider = Build(testing: false);

        Assert.Same(provider.GetRequiredService<SmtpSender>(), provider.GetRequiredService<ISmtpSender>());
    }

    [Fact]
    public async Task AddTypedMailTesting_ResolvesTheInterfaceToOneRecordingSender()
    {
        using var provider = Build(testing: true);

        var sender = provider.GetRequiredService<ISmtpSender>();
        // Port 9 on loopback refuses connections: a real sender would return -10061, the recording one records.
        var result = await sender.SendAsync(Welcome.Create().Email("ann@example.org").Name("Ann").Build());

        Assert.Same(provider.GetRequiredService<RecordingSmtpSender>(), sender);
        Assert.True(result.Succeeded, result.ToString());
        provider.GetRequiredService<RecordingSmtpSender>().ShouldHaveSentTo<Welcome>("ann@example.org");
    }

    [Fact]
    public void AddTypedMailTesting_TheConcreteSenderExplainsItself()
    {
        using var provider = Build(testing: true);

        var failure = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<SmtpSender>());

        Assert.Contains("inject ISmtpSender", failure.Message, StringComparison.Ordinal);
    }
}
