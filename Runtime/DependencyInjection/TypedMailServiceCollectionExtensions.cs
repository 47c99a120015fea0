using System;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TypedMail;

/// <summary>
/// Registers TypedMail in a service collection. Each registration is one singleton <see cref="SmtpSender"/> holding a
/// small pool of connections (<see cref="DefaultMaxConnections"/> unless the section sets
/// <see cref="SmtpSettings.MaxConnections"/>): concurrent requests of a web application each get a connection of their
/// own instead of queueing behind one, connections stay warm between requests (no connect, TLS and AUTH per request, as
/// a sender per scope would cost), and the sender never opens more than the pool's size.
/// </summary>
public static class TypedMailServiceCollectionExtensions
{
    /// <summary>The pool size of a registered sender when the configuration does not set MaxConnections.</summary>
    public const int DefaultMaxConnections = 4;

    /// <summary>
    /// Binds <see cref="SmtpSettings"/> from <paramref name="configuration"/> (e.g. the "TypedMail" section), validates
    /// them at start with <see cref="SmtpRules"/> (an error rule, a missing host or half-given credentials stop the host
    /// from starting), and registers the <see cref="SmtpSender"/> singleton (a pool of connections, reused), also resolved
    /// as <see cref="ISmtpSender"/> (inject the interface: <c>AddTypedMailTesting()</c> of <c>TypedMail.Testing</c> swaps it).
    /// </summary>
    public static IServiceCollection AddTypedMail(this IServiceCollection services, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<SmtpSettings>().Configure(s => s.MaxConnections = DefaultMaxConnections).Bind(configuration).ValidateOnStart();
        AddValidation(services, Options.DefaultName, configuration);
        services.TryAddSingleton(provider => new SmtpSender(provider.GetRequiredService<IOptions<SmtpSettings>>().Value, LoggerOf(provider)));
        services.TryAddSingleton<ISmtpSender>(provider => provider.GetRequiredService<SmtpSender>());
        return services;
    }

    /// <summary>
    /// Registers a named sender for one more server: its settings bound from <paramref name="configuration"/> and
    /// validated at start under <paramref name="name"/>, the sender resolved with
    /// <c>GetRequiredKeyedService&lt;SmtpSender&gt;(name)</c> or <c>[FromKeyedServices(name)]</c>.
    /// </summary>
    public static IServiceCollection AddTypedMail(this IServiceCollection services, string name, IConfiguration configuration)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException("A sender's name is required.", nameof(name));
        }

        if (configuration is null)
        {
            throw new ArgumentNullException(nameof(configuration));
        }

        services.AddOptions<SmtpSettings>(name).Configure(s => s.MaxConnections = DefaultMaxConnections).Bind(configuration).ValidateOnStart();
        AddValidation(services, name, configuration);
        services.AddKeyedSingleton(name, (provider, _) => new SmtpSender(provider.GetRequiredService<IOptionsMonitor<SmtpSettings>>().Get(name), LoggerOf(provider)));
        services.AddKeyedSingleton<ISmtpSender>(name, (provider, key) => provider.GetRequiredKeyedService<SmtpSender>(key));
        return services;
    }

    /// <summary>One validation per options name, its messages naming the keys under the section bound from.</summary>
    private static void AddValidation(IServiceCollection services, string name, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(IValidateOptions<SmtpSettings>) && d.ImplementationInstance is SmtpSettingsValidation v && v.Name == name))
        {
            return;
        }

        var path = configuration is IConfigurationSection section ? section.Path : SmtpSettingsValidation.DefaultSectionPath;
        services.AddSingleton<IValidateOptions<SmtpSettings>>(new SmtpSettingsValidation(name, path));
    }

    private static ILogger LoggerOf(IServiceProvider provider) =>
        provider.GetService<ILoggerFactory>()?.CreateLogger("TypedMail") ?? NullLogger.Instance;
}
