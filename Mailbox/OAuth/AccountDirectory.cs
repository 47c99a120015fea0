using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using SmtpServer;
using SmtpServer.Authentication;
using TypedMail.Mailbox.Protocol;

namespace TypedMail.Mailbox.OAuth;

/// <summary>Checks a bearer token against the account's valid one; passwords go to the user directory as before.</summary>
internal sealed class AccountDirectory : IUserAuthenticator
{
    private readonly IUserAuthenticator _passwords;
    private readonly Dictionary<string, string> _tokens;

    public AccountDirectory(IUserAuthenticator passwords, Dictionary<string, string> tokens)
    {
        _passwords = passwords;
        _tokens = tokens;
    }

    public Task<bool> AuthenticateAsync(ISessionContext context, string user, string password, CancellationToken cancellationToken)
    {
        if (!context.Properties.Remove(BearerAuthLine.MechanismKey))
        {
            return _passwords.AuthenticateAsync(context, user, password, cancellationToken);
        }

        // Any other token (an expired one, one of another account) is refused: 535 5.7.8.
        var accepted = _tokens.TryGetValue(user, out var valid) && string.Equals(valid, password, StringComparison.Ordinal);
        SessionFacts.Of(context)?.RecordAuthentication(user, accepted);
        return Task.FromResult(accepted);
    }
}
