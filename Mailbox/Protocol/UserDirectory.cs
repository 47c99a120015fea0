using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Authentication;

namespace TypedMail.Mailbox.Protocol;

/// <summary>Checks AUTH PLAIN / LOGIN credentials against the configured users.</summary>
internal sealed class UserDirectory : IUserAuthenticator
{
    private readonly Dictionary<string, string> _users;

    public UserDirectory(Dictionary<string, string> users) => _users = users;

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        var accepted = _users.TryGetValue(user, out var expected) && string.Equals(expected, password, StringComparison.Ordinal);
        SessionFacts.Of(context)?.RecordAuthentication(user, accepted);
        return Task.FromResult(accepted);
    }
}
