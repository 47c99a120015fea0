using System;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TypedMail.Outbox;

namespace TypedMail;

/// <summary>Registers the outbox beside <c>AddTypedMail</c>.</summary>
public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IMailOutbox"/> on the store chosen in <paramref name="configure"/> (e.g.
    /// <c>o.UseSqlite("Data Source=mail-outbox.db")</c>) and, unless <see cref="OutboxOptions.RunDeliveryWorker"/> is
    /// false, the delivery worker as a hosted service sending through the registered <see cref="ISmtpSender"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No store was chosen, or an option is out of range.</exception>
    public static IServiceCollection AddTypedMailOutbox(this IServiceCollection services, Action<OutboxOptions> configure)
    {
        if (services is null)
        {
            throw new ArgumentNullException(nameof(services));
        }

        if (configure is null)
        {
            throw new ArgumentNullException(nameof(configure));
        }

        var options = new OutboxOptions();
        configure(options);
        options.Validate();

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(provider => options.StoreFactory!(provider));
        services.AddSingleton<DeliverySignal>();
        services.AddSingleton<MailOutbox>();
        services.AddSingleton<IMailOutbox>(provider => provider.GetRequiredService<MailOutbox>());
        if (options.RunDeliveryWorker)
        {
            services.AddSingleton(provider => new DeliveryTransport(provider.GetRequiredService<ISmtpSender>()));
            services.AddHostedService(provider => new DeliveryWorker(
                provider.GetRequiredService<IOutboxStore>(),
                provider.GetRequiredService<DeliveryTransport>(),
                options,
                provider.GetRequiredService<DeliverySignal>(),
                provider.GetRequiredService<TimeProvider>(),
                provider.GetService<ILoggerFactory>()?.CreateLogger("TypedMail.Outbox") ?? NullLogger.Instance));
        }

        return services;
    }
}
