using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Security;

namespace TypedMail;

/// <summary>
/// Picks the SASL mechanism with 4D's rules: mode 0 ranks CRAM-MD5 &gt; LOGIN &gt; PLAIN; a forced mode must be offered.
/// Beyond 4D, OAuth2 (a token provider) uses OAUTHBEARER, else XOAUTH2.
/// </summary>
internal static class AuthMechanisms
{
    private static readonly string[] FourDOrder = { "CRAM-MD5", "LOGIN", "PLAIN" };
    private static readonly string[] OAuth2Order = { "OAUTHBEARER", "XOAUTH2" };

    /// <summary>Whether the session authenticates: a user with a password, or OAuth2 (asked for, or a token provider given).</summary>
    public static bool IsConfigured(SmtpSettings settings) =>
        (!string.IsNullOrEmpty(settings.UserName) && !string.IsNullOrEmpty(settings.Password))
        || settings.Auth == AuthMode.OAuth2 || settings.AccessTokenProvider is not null;

    /// <summary>
    /// The mechanism for <paramref name="settings"/>, or a failure code with its detail. For OAuth2 the token provider
    /// is asked now: once per connection, so an expired token is replaced on the next connection.
    /// </summary>
    public static async Task<(SaslMechanism? Mechanism, int Code, string? Detail)> ChooseAsync(IReadOnlyCollection<string> offered, SmtpSettings settings,
        CancellationToken cancellationToken)
    {
        if (settings.Auth != AuthMode.OAuth2 && settings.AccessTokenProvider is null)
        {
            var credential = new NetworkCredential(settings.UserName, settings.Password);
            var mechanism = Choose(offered, settings.Auth, credential, out var code, out var detail);
            return (mechanism, code, detail);
        }

        if (settings.Auth is not (AuthMode.OAuth2 or AuthMode.Default))
        {
            return (null, ErrorCodes.InvalidArgument, $"An access token provider signs in with AuthMode.OAuth2, not {settings.Auth}.");
        }

        if (settings.AccessTokenProvider is null || string.IsNullOrEmpty(settings.UserName))
        {
            return (null, ErrorCodes.InvalidArgument, "AuthMode.OAuth2 needs SmtpSettings.UserName (the account's address) and SmtpSettings.AccessTokenProvider.");
        }

        var set = new HashSet<string>(offered, StringComparer.OrdinalIgnoreCase);
        var name = OAuth2Order.FirstOrDefault(set.Contains);
        if (name is null)
        {
            return set.Count == 0
                ? (null, ErrorCodes.AuthenticationNotOffered, "The server announced no AUTH mechanism.")
                : (null, ErrorCodes.AuthMechanismNotOffered, $"OAuth2 was asked for; the server offers {string.Join(", ", set)}, neither OAUTHBEARER nor XOAUTH2.");
        }

        string token;
        try
        {
            token = await settings.AccessTokenProvider(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The provider's message names its own failure (an expired refresh token, a network error); the token is not in it.
            return (null, ErrorCodes.UnexpectedError, $"The access token provider failed: {ex.GetType().Name}: {ex.Message}");
        }

        if (string.IsNullOrEmpty(token))
        {
            return (null, ErrorCodes.InvalidArgument, "The access token provider returned an empty token.");
        }

        var user = settings.UserName!;   // checked above; netstandard2.0's IsNullOrEmpty carries no nullability attribute
        return name == "OAUTHBEARER"
            ? (new SaslMechanismOAuthBearer(user, token), ErrorCodes.NoError, null)
            : (new SaslMechanismOAuth2(user, token), ErrorCodes.NoError, null);
    }

    public static string NameOf(AuthMode mode) => mode switch
    {
        AuthMode.Plain => "PLAIN",
        AuthMode.Login => "LOGIN",
        AuthMode.CramMd5 => "CRAM-MD5",
        AuthMode.OAuth2 => "OAUTHBEARER or XOAUTH2",
        _ => "the most secure offered",
    };

    /// <summary>The mechanism to use, or a failure code with its detail.</summary>
    public static SaslMechanism? Choose(IReadOnlyCollection<string> offered, AuthMode mode, NetworkCredential credential, out int code, out string? detail)
    {
        code = ErrorCodes.NoError;
        detail = null;
        var set = new HashSet<string>(offered, System.StringComparer.OrdinalIgnoreCase);
        if (set.Count == 0)
        {
            code = ErrorCodes.AuthenticationNotOffered;
            detail = "The server announced no AUTH mechanism.";
            return null;
        }

        string? name;
        if (mode == AuthMode.Default)
        {
            name = FourDOrder.FirstOrDefault(set.Contains);
            if (name is null)
            {
                code = ErrorCodes.AuthMechanismNotOffered;
                detail = $"The server offers {string.Join(", ", set)}, none of CRAM-MD5, LOGIN, PLAIN.";
                return null;
            }
        }
        else
        {
            name = NameOf(mode);
            if (!set.Contains(name))
            {
                code = ErrorCodes.AuthMechanismNotOffered;
                detail = $"AUTH {name} was asked for; the server offers {string.Join(", ", set)}.";
                return null;
            }
        }

        return name switch
        {
            "CRAM-MD5" => new SaslMechanismCramMd5(credential),
            "LOGIN" => new SaslMechanismLogin(credential),
            _ => new SaslMechanismPlain(credential),
        };
    }
}
