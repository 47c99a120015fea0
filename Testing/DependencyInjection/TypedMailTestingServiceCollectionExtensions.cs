using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using TypedMail.Testing;

namespace TypedMail;

/// <summary>Swaps TypedMail's sender for a <see cref="RecordingSmtpSender"/> in a service collection.</summary>
public static class TypedMailTestingServiceCollectionExtensions
{
    /// <summary>
    /// Registers one <see cref="RecordingSmtpSender"/> (a singleton) and makes <see cref="ISmtpSender"/> resolve to it,
    /// replacing what <c>AddTypedMail</c> registered; call it after the application's own registrations. Resolving the
    /// concrete <see cref="SmtpSender"/> then fails with an explanation instead of sending for real.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <returns>The same services.</returns>
    public static IServiceCollection AddTypedMailTesting(this IServiceCollection services)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        foreach (var registration in services.Where(d => d.ServiceType == typeof(ISmtpSender) || d.ServiceType == typeof(SmtpSender)).ToList())
        {
            services.Remove(registration);
        }

        services.AddSingleton<RecordingSmtpSender>();
        services.AddSingleton<ISmtpSender>(provider => provider.GetRequiredService<RecordingSmtpSender>());
        services.AddSingleton<SmtpSender>(_ => throw new InvalidOperationException(
            "TypedMail.Testing replaced the sender with a RecordingSmtpSender: inject ISmtpSender, not SmtpSender, so that tests never send for real."));
        return services;
    }
}
