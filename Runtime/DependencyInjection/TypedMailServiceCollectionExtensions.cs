using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace TypedMail;

/// <summary>Registers TypedMail in a service collection.</summary>
public static class TypedMailServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SmtpSettings"/> from <paramref name="configuration"/> (e.g. the "TypedMail" section), validates
    /// them at start with <see cref="SmtpRules"/> (an error rule or a missing host stops the host from starting), and
    /// registers one <see cref="SmtpSender"/> (a singleton: one connection, reused), also resolved as
    /// <see cref="ISmtpSender"/> (inject the interface: <c>AddTypedMailTesting()</c> of <c>TypedMail.Testing</c> swaps it).
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

        services.AddOptions<SmtpSettings>().Bind(configuration).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SmtpSettings>, SmtpSettingsValidation>());
        services.TryAddSingleton(provider => new SmtpSender(
            provider.GetRequiredService<IOptions<SmtpSettings>>().Value,
            provider.GetService<ILoggerFactory>()?.CreateLogger("TypedMail") ?? NullLogger.Instance));
        services.TryAddSingleton<ISmtpSender>(provider => provider.GetRequiredService<SmtpSender>());
        return services;
    }
}
