using System;
using SmtpServer.Authentication;

namespace TypedMail.Mailbox.Hosting;

/// <summary>
/// The services handed to SmtpServer. Without users it hides every authenticator, because
/// SmtpServer registers one that accepts anybody and advertises AUTH whenever one is found.
/// </summary>
internal sealed class EngineServices : IServiceProvider
{
    private readonly SmtpServer.ComponentModel.ServiceProvider _services;
    private readonly bool _authentication;

    public EngineServices(SmtpServer.ComponentModel.ServiceProvider services, bool authentication)
    {
        _services = services;
        _authentication = authentication;
    }

    public object? GetService(Type serviceType)
    {
        if (!_authentication && (serviceType == typeof(IUserAuthenticatorFactory) || serviceType == typeof(IUserAuthenticator)))
        {
            return null;
        }

        return _services.GetService(serviceType);
    }
}
