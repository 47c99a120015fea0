using System.Collections.Generic;
using System.Linq;
using System.Net;
using MailKit.Security;

namespace TypedMail;

/// <summary>Picks the SASL mechanism with 4D's rules: mode 0 ranks CRAM-MD5 &gt; LOGIN &gt; PLAIN; a forced mode must be offered.</summary>
internal static class AuthMechanisms
{
    private static readonly string[] FourDOrder = { "CRAM-MD5", "LOGIN", "PLAIN" };

    public static string NameOf(AuthMode mode) => mode switch
    {
        AuthMode.Plain => "PLAIN",
        AuthMode.Login => "LOGIN",
        AuthMode.CramMd5 => "CRAM-MD5",
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
